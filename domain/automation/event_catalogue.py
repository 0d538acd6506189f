"""The domain events a tenant rule may react to, and the payload fields its condition may test.

Each field has a type that decides which operators apply and how a condition's value is read:
`id` and `text` compare as text, `decimal` and `int` as numbers, `date` and `datetime` in ISO 8601,
`bool` as true/false. The payloads are built in each area's `events.py`; a test keeps both in step.
"""

from __future__ import annotations

from domain.crm import events as crm
from domain.finance import events as finance
from domain.hr import events as hr
from domain.it import events as it
from domain.legal import events as legal
from domain.marketing import events as marketing
from domain.operations import events as operations
from domain.sales import events as sales
from domain.service import events as service

ID, TEXT, DECIMAL, INT, DATE, DATETIME, BOOL = "id", "text", "decimal", "int", "date", "datetime", "bool"

_INVOICE_SETTLED = {"invoice_id": ID, "number": TEXT, "customer_id": ID, "status": TEXT, "currency": TEXT, "total": DECIMAL}
_TICKET = {
    "ticket_id": ID, "number": TEXT, "customer_id": ID, "change": TEXT, "status": TEXT, "priority": TEXT,
    "assignee_id": ID, "sla_due_at": DATETIME, "sla_paused": BOOL,
}
_SUPPORT_REQUEST = {
    "support_request_id": ID, "number": TEXT, "requester_id": ID, "asset_id": ID, "priority": TEXT, "status": TEXT, "assignee_id": ID,
}
_CONTRACT = {
    "contract_id": ID, "number": TEXT, "status": TEXT, "value": DECIMAL, "currency": TEXT, "renewal_date": DATE,
    "notice_deadline": DATE, "ends_on": DATE,
}
_ASSET = {"asset_id": ID, "asset_tag": TEXT, "status": TEXT, "employee_id": ID}
_DEAL_CLOSED = {
    "deal_id": ID, "customer_id": ID, "pipeline_id": ID, "stage_id": ID, "status": TEXT, "amount": DECIMAL, "currency": TEXT,
    "closed_at": DATETIME, "changed_by": TEXT,
}

EVENT_FIELDS: dict[str, dict[str, str]] = {
    crm.INTERACTION_LOGGED: {
        "interaction_id": ID, "customer_id": ID, "contact_id": ID, "channel": TEXT, "direction": TEXT, "occurred_at": DATETIME,
    },
    sales.DEAL_STAGE_CHANGED: {
        "deal_id": ID, "customer_id": ID, "pipeline_id": ID, "from_stage_id": ID, "to_stage_id": ID, "changed_at": DATETIME,
        "changed_by": TEXT,
    },
    sales.DEAL_WON: _DEAL_CLOSED,
    sales.DEAL_LOST: _DEAL_CLOSED,
    sales.SALES_ORDER_CREATED: {
        "sales_order_id": ID, "number": TEXT, "customer_id": ID, "deal_id": ID, "quote_id": ID, "currency": TEXT, "total": DECIMAL,
    },
    sales.STOCK_RESERVED: {
        "sales_order_id": ID, "number": TEXT, "customer_id": ID, "shipment_id": ID, "warehouse_id": ID, "short": BOOL,
    },
    marketing.CAMPAIGN_LAUNCHED: {"campaign_id": ID, "channel": TEXT, "segment_id": ID, "member_count": INT},
    marketing.CAMPAIGN_RESPONSE_RECORDED: {
        "campaign_id": ID, "campaign_member_id": ID, "contact_id": ID, "customer_id": ID, "response": TEXT, "responded_at": DATETIME,
    },
    service.TICKET_OPENED: _TICKET,
    service.TICKET_UPDATED: _TICKET,
    hr.EMPLOYEE_HIRED: {"employee_id": ID, "employee_number": TEXT, "department_id": ID, "position_id": ID, "hired_on": DATE},
    hr.EMPLOYEE_DEPARTMENT_CHANGED: {
        "employee_id": ID, "assignment_id": ID, "department_id": ID, "previous_department_id": ID, "started_on": DATE,
    },
    hr.EMPLOYEE_TERMINATED: {"employee_id": ID, "terminated_on": DATE},
    finance.INVOICE_ISSUED: {
        "invoice_id": ID, "number": TEXT, "customer_id": ID, "sales_order_id": ID, "currency": TEXT, "subtotal": DECIMAL,
        "tax_total": DECIMAL, "total": DECIMAL, "issue_date": DATE, "due_date": DATE,
    },
    finance.INVOICE_PAID: _INVOICE_SETTLED,
    finance.INVOICE_VOIDED: _INVOICE_SETTLED,
    finance.INVOICE_OVERDUE: {
        "invoice_id": ID, "number": TEXT, "customer_id": ID, "currency": TEXT, "amount_due": DECIMAL, "due_date": DATE,
        "days_overdue": INT,
    },
    finance.PAYMENT_RECORDED: {
        "payment_id": ID, "invoice_id": ID, "customer_id": ID, "amount": DECIMAL, "currency": TEXT, "paid_on": DATE,
        "amount_due": DECIMAL,
    },
    finance.SUPPLIER_INVOICE_RECEIVED: {
        "supplier_invoice_id": ID, "supplier_id": ID, "purchase_order_id": ID, "supplier_reference": TEXT, "currency": TEXT,
        "total": DECIMAL, "due_date": DATE,
    },
    finance.SUPPLIER_INVOICE_MATCHED: {
        "supplier_invoice_id": ID, "supplier_id": ID, "purchase_order_id": ID, "matched": BOOL, "currency": TEXT,
        "invoiced": DECIMAL, "ordered": DECIMAL, "received": DECIMAL,
    },
    finance.BANK_STATEMENT_IMPORTED: {
        "bank_statement_id": ID, "reference": TEXT, "currency": TEXT, "statement_date": DATE, "closing_balance": DECIMAL,
        "line_count": INT, "duplicate_line_count": INT,
    },
    operations.STOCK_LOW: {
        "product_id": ID, "sku": TEXT, "on_hand": DECIMAL, "reorder_point": DECIMAL, "reorder_quantity": DECIMAL,
        "preferred_supplier_id": ID, "movement_id": ID, "warehouse_id": ID,
    },
    operations.PURCHASE_ORDER_CREATED: {
        "purchase_order_id": ID, "number": TEXT, "supplier_id": ID, "warehouse_id": ID, "currency": TEXT, "total": DECIMAL,
        "expected_on": DATE,
    },
    operations.GOODS_RECEIVED: {
        "goods_receipt_id": ID, "number": TEXT, "purchase_order_id": ID, "purchase_order_status": TEXT, "warehouse_id": ID,
        "received_on": DATE,
    },
    operations.SHIPMENT_SHIPPED: {
        "shipment_id": ID, "number": TEXT, "customer_id": ID, "sales_order_id": ID, "warehouse_id": ID, "shipped_at": DATETIME,
    },
    legal.CONTRACT_CREATED: _CONTRACT,
    legal.CONTRACT_NOTICE_GIVEN: _CONTRACT,
    legal.CONTRACT_TERMINATED: _CONTRACT,
    it.ASSET_ASSIGNED: _ASSET,
    it.ASSET_RETURNED: _ASSET,
    it.SUPPORT_REQUEST_OPENED: _SUPPORT_REQUEST,
    it.SUPPORT_REQUEST_UPDATED: _SUPPORT_REQUEST,
}


def fields_of(event_type: str) -> dict[str, str] | None:
    """The payload fields of `event_type` with their types, or None for an event rules cannot use."""
    return EVENT_FIELDS.get(event_type)


def rule_event_types() -> list[str]:
    return sorted(EVENT_FIELDS)
