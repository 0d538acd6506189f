"""Bank statements (balanced on import, reconciled against open invoices), VAT returns from the ledger
(frozen once filed), and supplier invoices (paying one is an outgoing payment: it needs finance:approve)."""

from __future__ import annotations

from tenants.models import Role
from tests.api.finance.helpers import issued, line
from tests.api.reports.keys import api_key_for

IMPORT = """
mutation($input: ImportBankStatementInput!) {
  importBankStatement(input: $input) {
    bankStatement { id openingBalance { amount } closingBalance { amount } unmatchedLineCount lines { edges { node { id amount { amount } status } } } }
    userErrors { field message code }
  }
}
"""
RECONCILE = """
mutation($input: ReconcileBankStatementInput!) {
  reconcileBankStatement(input: $input) {
    bankStatement { matchedLineCount unmatchedLineCount lines { edges { node { status payment { amount { amount } invoice { number status } } } } } }
    payments { amount { amount } }
    userErrors { field code }
  }
}
"""
MATCH = """
mutation($input: MatchStatementLineInput!) { matchStatementLine(input: $input) { payment { amount { amount } } userErrors { field code } } }
"""
PREPARE = """
mutation($input: PrepareVatReturnInput!) {
  prepareVatReturn(input: $input) { vatReturn { id status outputVat { amount } inputVat { amount } netVat { amount currency } } userErrors { field code } }
}
"""
FILE = """
mutation($input: FileVatReturnInput!) { fileVatReturn(input: $input) { vatReturn { status filingReference } userErrors { field code } } }
"""
RECORD_BILL = """
mutation($input: RecordSupplierInvoiceInput!) {
  recordSupplierInvoice(input: $input) { supplierInvoice { id status total { amount } supplier { name } } userErrors { field message code } }
}
"""
PAY_BILL = """
mutation($input: PaySupplierInvoiceInput!) {
  paySupplierInvoice(input: $input) { supplierInvoice { status paymentJournal { status } } userErrors { field code } }
}
"""


def statement(lines: list[tuple[str, str]], *, closing: str, reference: str = "2024-01") -> dict:
    return {"input": {
        "bankAccount": "DE89 3704 0044 0532 0130 00", "reference": reference, "currency": "EUR", "statementDate": "2024-01-31",
        "openingBalance": "1000", "closingBalance": closing,
        "lines": [{"bookedOn": "2024-01-20", "amount": amount, "remittance": remittance} for amount, remittance in lines],
    }}


async def bill(graphql, tenant, reference: str = "B-1", net: str = "50", tax: str = "10", supplier_id: str | None = None) -> dict:
    if supplier_id is None:
        supplier = await graphql.execute(
            "mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { supplier { id } } }",
            {"input": {"name": f"Supplier {reference}"}}, api_key=tenant.api_key,
        )
        supplier_id = supplier["createSupplier"]["supplier"]["id"]
    variables = {"input": {
        "supplierId": supplier_id, "supplierReference": reference, "currency": "EUR",
        "netAmount": net, "taxAmount": tax, "issueDate": "2024-01-15", "dueDate": "2024-02-14",
    }}
    return (await graphql.execute(RECORD_BILL, variables, api_key=tenant.api_key))["recordSupplierInvoice"]


async def test_a_statement_that_does_not_lead_to_its_closing_balance_is_refused(graphql, tenant):
    refused = await graphql.execute(IMPORT, statement([("100", "x"), ("-30", "fee")], closing="1071"), api_key=tenant.api_key)
    listed = await graphql.execute("{ bankStatements { totalCount } }", api_key=tenant.api_key)

    assert [(error["field"], error["code"]) for error in refused["importBankStatement"]["userErrors"]] == [
        (["input", "closingBalance"], "STATEMENT_UNBALANCED")
    ]
    assert listed["bankStatements"]["totalCount"] == 0


async def test_reconciliation_matches_lines_naming_one_open_invoice_and_leaves_the_rest(graphql, tenant):
    invoice = await issued(graphql, tenant, [line("1", "100", "0.2")])  # 120.00 EUR
    imported = await graphql.execute(
        IMPORT, statement([("120", f"Payment {invoice['number']} thanks"), ("-30", "bank fee"), ("45", "unknown")], closing="1135"),
        api_key=tenant.api_key,
    )
    statement_node = imported["importBankStatement"]["bankStatement"]

    reconciled = await graphql.execute(RECONCILE, {"input": {"bankStatementId": statement_node["id"]}}, api_key=tenant.api_key)
    outgoing = statement_node["lines"]["edges"][1]["node"]["id"]
    not_a_receipt = await graphql.execute(MATCH, {"input": {"statementLineId": outgoing, "invoiceId": invoice["id"]}}, api_key=tenant.api_key)

    assert statement_node["unmatchedLineCount"] == 3 and statement_node["closingBalance"] == {"amount": "1135.00"}
    result = reconciled["reconcileBankStatement"]
    assert result["payments"] == [{"amount": {"amount": "120.00"}}]
    assert (result["bankStatement"]["matchedLineCount"], result["bankStatement"]["unmatchedLineCount"]) == (1, 2)
    assert result["bankStatement"]["lines"]["edges"][0]["node"] == {
        "status": "MATCHED", "payment": {"amount": {"amount": "120.00"}, "invoice": {"number": invoice["number"], "status": "PAID"}}
    }
    assert not_a_receipt["matchStatementLine"] == {"payment": None, "userErrors": [{"field": ["input", "statementLineId"], "code": "NOT_A_RECEIPT"}]}


async def test_a_vat_return_nets_output_against_input_vat_and_is_frozen_once_filed(graphql, tenant):
    await issued(graphql, tenant, [line("1", "100", "0.2")])  # output VAT 20.00 on 2024-01-10
    await issued(graphql, tenant, [line("1", "500", "0.2")], issue_date="2024-04-02", due_date="2024-05-02")  # outside the period
    await bill(graphql, tenant)  # input VAT 10.00 on 2024-01-15
    period = {"input": {"periodStart": "2024-01-01", "periodEnd": "2024-03-31", "currency": "EUR"}}

    prepared = await graphql.execute(PREPARE, period, api_key=tenant.api_key)
    vat_return = prepared["prepareVatReturn"]["vatReturn"]
    filed = await graphql.execute(FILE, {"input": {"vatReturnId": vat_return["id"], "filingReference": "ELSTER-123"}}, api_key=tenant.api_key)
    filed_again = await graphql.execute(FILE, {"input": {"vatReturnId": vat_return["id"], "filingReference": "ELSTER-124"}}, api_key=tenant.api_key)
    recomputed = await graphql.execute(PREPARE, period, api_key=tenant.api_key)

    assert vat_return | {"id": None} == {
        "id": None, "status": "DRAFT", "outputVat": {"amount": "20.00"}, "inputVat": {"amount": "10.00"},
        "netVat": {"amount": "10.00", "currency": "EUR"},
    }
    assert filed["fileVatReturn"] == {"vatReturn": {"status": "FILED", "filingReference": "ELSTER-123"}, "userErrors": []}
    assert filed_again["fileVatReturn"]["userErrors"] == [{"field": ["input", "vatReturnId"], "code": "VAT_RETURN_FILED"}]
    assert recomputed["prepareVatReturn"]["userErrors"] == [{"field": ["input", "periodStart"], "code": "VAT_RETURN_FILED"}]


async def test_a_supplier_invoice_is_booked_once_per_supplier_reference(graphql, tenant):
    booked = await bill(graphql, tenant, "B-7", net="50", tax="10")
    supplier_id = (await graphql.execute("{ suppliers { edges { node { id } } } }", api_key=tenant.api_key))["suppliers"]["edges"][0]["node"]["id"]

    again = await bill(graphql, tenant, "B-7", supplier_id=supplier_id)
    listed = await graphql.execute("{ supplierInvoices { totalCount } }", api_key=tenant.api_key)

    assert booked["supplierInvoice"] | {"id": None} == {"id": None, "status": "RECEIVED", "total": {"amount": "60.00"}, "supplier": {"name": "Supplier B-7"}}
    assert [(error["field"], error["code"]) for error in again["userErrors"]] == [(["input", "supplierReference"], "DUPLICATE")]
    assert listed["supplierInvoices"]["totalCount"] == 1


async def test_paying_a_supplier_needs_finance_approve(graphql, tenant):
    booked = (await bill(graphql, tenant))["supplierInvoice"]
    clerk = await api_key_for(tenant, Role.BACK_OFFICE, scopes=["finance:read", "finance:write"])
    approver = await api_key_for(tenant, Role.BACK_OFFICE)
    pay = {"input": {"supplierInvoiceId": booked["id"], "paidOn": "2024-02-01"}}

    refused = (await graphql.post(PAY_BILL, pay, api_key=clerk)).json()
    unpaid = await graphql.execute("{ supplierInvoices { edges { node { status } } } }", api_key=clerk)
    paid = await graphql.execute(PAY_BILL, pay, api_key=approver)
    twice = await graphql.execute(PAY_BILL, pay, api_key=approver)

    assert refused["data"] is None and refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert refused["errors"][0]["message"] == "requires scope finance:approve, finance:write"
    assert unpaid["supplierInvoices"]["edges"] == [{"node": {"status": "RECEIVED"}}]
    assert paid["paySupplierInvoice"] == {"supplierInvoice": {"status": "PAID", "paymentJournal": {"status": "POSTED"}}, "userErrors": []}
    assert twice["paySupplierInvoice"]["userErrors"] == [{"field": ["input", "supplierInvoiceId"], "code": "SUPPLIER_INVOICE_PAID"}]
