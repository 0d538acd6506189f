"""Invoice overdue → a payment reminder to the customer and a ticket for the account owner.

`finance.invoice_overdue` is recorded once per invoice by the daily `finance.check_overdue_invoices`
schedule (workers/automation/scheduled.py).
"""

from __future__ import annotations

import uuid
from typing import Any

from domain.crm import service as crm_service
from domain.finance import dunning
from domain.finance import events as finance_events
from domain.hr import onboarding as hr_onboarding
from domain.sales import service as sales_service
from domain.service import service as service_desk
from domain.service.sla import Priority
from workers.automation.registry import automation

ACTOR = "automation:overdue_invoices"


@automation("finance.overdue_invoice_follow_up", on=[finance_events.INVOICE_OVERDUE])
async def follow_up(*, event_id: str, event_type: str, payload: dict[str, Any]) -> None:
    invoice_id, customer_id = uuid.UUID(payload["invoice_id"]), uuid.UUID(payload["customer_id"])
    await dunning.send_payment_reminder(invoice_id=invoice_id, sent_by=ACTOR)
    owner = await sales_service.account_owner(customer_id=customer_id)
    ticket = await service_desk.open_ticket(
        customer_id=customer_id,
        subject=f"Invoice {payload['number']} is {payload['days_overdue']} days overdue",
        description=(
            f"{payload['amount_due']} {payload['currency']} was due on {payload['due_date']}. A reminder was sent; "
            f"please follow up with the customer. Account owner: {owner or 'none recorded'}."
        ),
        channel=crm_service.Channel.EMAIL,
        priority=Priority.HIGH if int(payload["days_overdue"]) > 30 else Priority.NORMAL,
        opened_by=ACTOR,
    )
    employee = await hr_onboarding.find_active_employee_by_email(email=owner) if owner else None
    if employee is not None:
        await service_desk.assign_ticket(ticket_id=ticket.id, employee_id=employee.id, assigned_by=ACTOR)
