"""Invoices through the graph: totals = rounded lines + tax rounded once per currency; issued into the
ledger; paid only in their own currency and never beyond what is due; voided by reversal."""

from __future__ import annotations

from tenants.models import Role
from tests.api.finance.helpers import ISSUE, customer, draft, issued, line
from tests.api.reports.keys import api_key_for, statement_count

PAY = """
mutation($input: RecordPaymentInput!) {
  recordPayment(input: $input) {
    payment { amount { amount currency } paidOn reference }
    invoice { status amountDue { amount } }
    userErrors { field message code }
  }
}
"""
INVOICE = """
query($id: ID!) {
  invoice(id: $id) {
    status amountDue { amount } customer { name }
    payments { totalCount edges { node { amount { amount } } } }
    journal { status source entries { edges { node { debit { amount } credit { amount } account { code } } } } reversedBy { number } }
  }
}
"""
VOID = """
mutation($input: VoidInvoiceInput!) { voidInvoice(input: $input) { invoice { status amountDue { amount } voidReason } userErrors { field code } } }
"""
INVOICES = """
query($filter: InvoiceFilter, $orderBy: InvoiceOrder) {
  invoices(filter: $filter, orderBy: $orderBy) { totalCount edges { node { number status total { amount } } } }
}
"""


def pay(invoice_id: str, amount: str, currency: str = "EUR") -> dict:
    return {"input": {"invoiceId": invoice_id, "amount": amount, "currency": currency, "paidOn": "2024-01-20", "reference": "bank"}}


async def test_an_invoice_totals_its_rounded_lines_plus_tax_rounded_once(graphql, tenant):
    # 2 x 19.99 = 39.98; 3 x 0.335 = 1.005 -> 1.01; tax 39.98 x 0.2 + 1.01 x 0.07 = 8.0667 -> 8.07
    payload = await draft(graphql, tenant, [line("2", "19.99", "0.2"), line("3", "0.335", "0.07")])

    invoice = payload["invoice"]
    assert payload["userErrors"] == []
    assert invoice["status"] == "DRAFT"
    assert (invoice["subtotal"], invoice["taxTotal"], invoice["total"]) == (
        {"amount": "40.99", "currency": "EUR"}, {"amount": "8.07"}, {"amount": "49.06"}
    )
    assert [edge["node"] for edge in invoice["lines"]["edges"]] == [
        {"position": 1, "quantity": "2", "unitPrice": {"amount": "19.99"}, "taxRate": "0.2", "netAmount": {"amount": "39.98"}},
        {"position": 2, "quantity": "3", "unitPrice": {"amount": "0.335"}, "taxRate": "0.07", "netAmount": {"amount": "1.01"}},
    ]


async def test_amounts_are_rounded_to_the_currencys_minor_units(graphql, tenant):
    # 3 x 33.3 JPY = 99.9 -> 100; tax 10 percent = 10; JPY has no decimals
    invoice = (await draft(graphql, tenant, [line("3", "33.3", "0.1")], currency="JPY"))["invoice"]

    assert (invoice["subtotal"]["amount"], invoice["taxTotal"]["amount"], invoice["total"]["amount"]) == ("100", "10", "110")


async def test_a_bad_line_names_its_index_and_no_invoice_is_written(graphql, tenant):
    payload = await draft(graphql, tenant, [line("1", "10"), line("1", "10", "1.5")])
    listed = await graphql.execute(INVOICES, api_key=tenant.api_key)

    assert payload["invoice"] is None
    assert [(error["field"], error["code"]) for error in payload["userErrors"]] == [(["input", "lines", "1", "taxRate"], "INVALID_TAX_RATE")]
    assert listed["invoices"]["totalCount"] == 0


async def test_issuing_posts_receivable_revenue_and_vat(graphql, tenant):
    invoice = await issued(graphql, tenant, [line("2", "19.99", "0.2"), line("3", "0.335", "0.07")])

    read = (await graphql.execute(INVOICE, {"id": invoice["id"]}, api_key=tenant.api_key))["invoice"]

    assert invoice | {"id": None, "number": None} == {
        "id": None, "number": None, "status": "ISSUED", "issueDate": "2024-01-10", "dueDate": "2024-02-09", "amountDue": {"amount": "49.06"}
    }
    assert read["journal"]["status"] == "POSTED" and read["journal"]["source"] == f"invoice:{invoice['number']}"
    assert [
        (edge["node"]["account"]["code"], edge["node"]["debit"]["amount"], edge["node"]["credit"]["amount"])
        for edge in read["journal"]["entries"]["edges"]
    ] == [("1100", "49.06", "0.00"), ("4000", "0.00", "40.99"), ("2100", "0.00", "8.07")]


async def test_payments_settle_an_invoice_in_its_currency_and_never_beyond_what_is_due(graphql, tenant):
    invoice = await issued(graphql, tenant, [line("1", "100", "0.2")])  # 120.00 EUR

    other_currency = await graphql.execute(PAY, pay(invoice["id"], "50", "USD"), api_key=tenant.api_key)
    partial = await graphql.execute(PAY, pay(invoice["id"], "50"), api_key=tenant.api_key)
    too_much = await graphql.execute(PAY, pay(invoice["id"], "70.01"), api_key=tenant.api_key)
    rest = await graphql.execute(PAY, pay(invoice["id"], "70"), api_key=tenant.api_key)
    read = (await graphql.execute(INVOICE, {"id": invoice["id"]}, api_key=tenant.api_key))["invoice"]

    assert other_currency["recordPayment"] == {"payment": None, "invoice": None, "userErrors": [
        {"field": ["input", "currency"], "message": "the invoice is in EUR, the payment in USD", "code": "CURRENCY_MISMATCH"}
    ]}
    assert partial["recordPayment"]["invoice"] == {"status": "ISSUED", "amountDue": {"amount": "70.00"}}
    assert [(error["field"], error["code"]) for error in too_much["recordPayment"]["userErrors"]] == [(["input", "amount"], "OVERPAYMENT")]
    assert rest["recordPayment"]["payment"] == {"amount": {"amount": "70.00", "currency": "EUR"}, "paidOn": "2024-01-20", "reference": "bank"}
    assert rest["recordPayment"]["invoice"] == {"status": "PAID", "amountDue": {"amount": "0.00"}}
    assert read["payments"]["totalCount"] == 2


async def test_a_draft_takes_no_payment_and_an_invoice_with_payments_is_not_voided(graphql, tenant):
    drafted = (await draft(graphql, tenant, [line("1", "100")]))["invoice"]
    paid = await issued(graphql, tenant, [line("1", "100")])
    await graphql.execute(PAY, pay(paid["id"], "10"), api_key=tenant.api_key)

    on_draft = await graphql.execute(PAY, pay(drafted["id"], "10"), api_key=tenant.api_key)
    voided = await graphql.execute(VOID, {"input": {"invoiceId": paid["id"], "reason": "wrong"}}, api_key=tenant.api_key)

    assert [(error["field"], error["code"]) for error in on_draft["recordPayment"]["userErrors"]] == [(["input", "invoiceId"], "INVOICE_NOT_ISSUED")]
    assert voided["voidInvoice"] == {"invoice": None, "userErrors": [{"field": ["input", "invoiceId"], "code": "INVOICE_HAS_PAYMENTS"}]}


async def test_voiding_an_issued_invoice_reverses_its_posting(graphql, tenant):
    invoice = await issued(graphql, tenant, [line("1", "100", "0.2")])

    voided = await graphql.execute(VOID, {"input": {"invoiceId": invoice["id"], "reason": "sent twice", "on": "2024-01-11"}}, api_key=tenant.api_key)
    read = (await graphql.execute(INVOICE, {"id": invoice["id"]}, api_key=tenant.api_key))["invoice"]

    assert voided["voidInvoice"] == {"invoice": {"status": "VOID", "amountDue": {"amount": "0.00"}, "voidReason": "sent twice"}, "userErrors": []}
    assert read["journal"]["reversedBy"] is not None


async def test_invoices_filter_by_customer_and_status_and_order_by_total(graphql, tenant):
    northwind, globex = await customer(graphql, tenant, "Northwind"), await customer(graphql, tenant, "Globex")
    for amount in ("30", "10", "20"):
        await issued(graphql, tenant, [line("1", amount)], customer_id=northwind)
    await draft(graphql, tenant, [line("1", "99")], customer_id=northwind)
    await issued(graphql, tenant, [line("1", "5")], customer_id=globex)

    ordered = await graphql.execute(
        INVOICES, {"filter": {"customerId": northwind, "status": "ISSUED"}, "orderBy": {"field": "TOTAL", "direction": "DESC"}},
        api_key=tenant.api_key,
    )
    drafts = await graphql.execute(INVOICES, {"filter": {"status": "DRAFT"}}, api_key=tenant.api_key)

    assert [edge["node"]["total"]["amount"] for edge in ordered["invoices"]["edges"]] == ["30.00", "20.00", "10.00"]
    assert drafts["invoices"]["totalCount"] == 1


async def test_a_front_office_user_reads_invoices_but_cannot_write_them(graphql, tenant):
    invoice = await issued(graphql, tenant, [line("1", "100")])
    front_office = await api_key_for(tenant, Role.FRONT_OFFICE)

    read = await graphql.execute(INVOICE, {"id": invoice["id"]}, api_key=front_office)
    refused = (await graphql.post(PAY, pay(invoice["id"], "10"), api_key=front_office)).json()

    assert read["invoice"]["amountDue"] == {"amount": "100.00"}
    assert refused["data"] is None and refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_another_tenants_invoice_is_not_found(graphql, tenant, other_tenant):
    invoice = await issued(graphql, tenant, [line("1", "100")])

    read = await graphql.execute(INVOICE, {"id": invoice["id"]}, api_key=other_tenant.api_key)
    paid = await graphql.execute(PAY, pay(invoice["id"], "10"), api_key=other_tenant.api_key)
    issued_again = await graphql.execute(ISSUE, {"input": {"invoiceId": invoice["id"]}}, api_key=other_tenant.api_key)

    assert read["invoice"] is None
    assert paid["recordPayment"]["userErrors"] == [{"field": ["input", "invoiceId"], "message": "invoice not found", "code": "NOT_FOUND"}]
    assert issued_again["issueInvoice"]["userErrors"][0]["code"] == "NOT_FOUND"


PAGE = """
{ invoices(first: 20) { edges { node { number customer { name } journal { number }
    lines(first: 5) { edges { node { netAmount { amount } } } } payments(first: 5) { edges { node { amount { amount } } } } } } } }
"""


async def test_a_page_of_invoices_loads_its_lines_payments_and_customers_in_the_same_number_of_statements(graphql, tenant, spans):
    first = await issued(graphql, tenant, [line("1", "100")])
    await graphql.execute(PAY, pay(first["id"], "10"), api_key=tenant.api_key)
    spans.clear()
    await graphql.execute(PAGE, api_key=tenant.api_key)
    one = statement_count(spans)

    for number in range(4):
        invoice = await issued(graphql, tenant, [line("1", "100"), line("2", "5")], customer_id=await customer(graphql, tenant, f"C{number}"))
        await graphql.execute(PAY, pay(invoice["id"], "10"), api_key=tenant.api_key)
    spans.clear()
    await graphql.execute(PAGE, api_key=tenant.api_key)

    assert statement_count(spans) == one > 0
