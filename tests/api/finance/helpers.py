"""Setting up the finance area through the graph, as a client would."""

from __future__ import annotations

CREATE_CUSTOMER = "mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }"
CREATE_INVOICE = """
mutation($input: CreateInvoiceInput!) {
  createInvoice(input: $input) {
    invoice { id number status subtotal { amount currency } taxTotal { amount } total { amount } amountDue { amount }
      lines { edges { node { position quantity unitPrice { amount } taxRate netAmount { amount } } } } }
    userErrors { field message code }
  }
}
"""
ISSUE = """
mutation($input: IssueInvoiceInput!) {
  issueInvoice(input: $input) { invoice { id number status issueDate dueDate amountDue { amount } } userErrors { field message code } }
}
"""


async def customer(graphql, tenant, name: str = "Northwind") -> str:
    return (await graphql.execute(CREATE_CUSTOMER, {"input": {"name": name}}, api_key=tenant.api_key))["createCustomer"]["customer"]["id"]


def line(quantity: str, unit_price: str, tax_rate: str = "0", description: str = "Work") -> dict:
    return {"description": description, "quantity": quantity, "unitPrice": unit_price, "taxRate": tax_rate}


async def draft(graphql, tenant, lines: list[dict], *, currency: str = "EUR", customer_id: str | None = None) -> dict:
    variables = {"input": {"customerId": customer_id or await customer(graphql, tenant), "currency": currency, "lines": lines}}
    return (await graphql.execute(CREATE_INVOICE, variables, api_key=tenant.api_key))["createInvoice"]


async def issued(graphql, tenant, lines: list[dict], *, issue_date: str = "2024-01-10", due_date: str = "2024-02-09", **kwargs) -> dict:
    invoice = (await draft(graphql, tenant, lines, **kwargs))["invoice"]
    variables = {"input": {"invoiceId": invoice["id"], "issueDate": issue_date, "dueDate": due_date}}
    return (await graphql.execute(ISSUE, variables, api_key=tenant.api_key))["issueInvoice"]["invoice"]
