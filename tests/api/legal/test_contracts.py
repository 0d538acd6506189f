"""Contracts through the graph: parties, value as Money, a term whose renewal date and notice deadline
are derived, notice refused once the deadline passed, and obligations."""

from __future__ import annotations

from datetime import date

from tenants.models import Role
from tests.api.reports.keys import api_key_for

CREATE_CUSTOMER = "mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }"
CREATE = """
mutation($input: CreateContractInput!) {
  createContract(input: $input) {
    contract { id number title value { amount currency } status autoRenew renewalDate noticeDeadline endsOn
      parties { edges { node { kind role name customer { name } } } } }
    userErrors { field message code }
  }
}
"""
NOTICE = """
mutation($input: GiveContractNoticeInput!) {
  giveContractNotice(input: $input) { contract { status renewalDate noticeDeadline endsOn } userErrors { field message code } }
}
"""
ADD_OBLIGATION = """
mutation($input: AddObligationInput!) { addObligation(input: $input) { obligation { id status dueDate } userErrors { field code } } }
"""
COMPLETE = """
mutation($input: CompleteObligationInput!) {
  completeObligation(input: $input) { obligation { status completedOn contract { number } } userErrors { field code } }
}
"""


async def customer(graphql, tenant, name: str = "Northwind") -> str:
    return (await graphql.execute(CREATE_CUSTOMER, {"input": {"name": name}}, api_key=tenant.api_key))["createCustomer"]["customer"]["id"]


def contract_input(parties: list[dict], **overrides) -> dict:
    return {"input": {
        "title": "Support agreement", "value": "12000", "currency": "EUR", "startDate": "2024-01-31", "termMonths": 13,
        "noticePeriodDays": 30, "autoRenew": False, "parties": parties, **overrides,
    }}


async def signed(graphql, tenant, customer_id: str | None = None, **overrides) -> dict:
    parties = [{"kind": "CUSTOMER", "customerId": customer_id or await customer(graphql, tenant), "role": "client"}]
    return (await graphql.execute(CREATE, contract_input(parties, **overrides), api_key=tenant.api_key))["createContract"]


async def test_a_contracts_renewal_date_and_notice_deadline_follow_from_its_term(graphql, tenant):
    northwind = await customer(graphql, tenant)
    parties = [{"kind": "CUSTOMER", "customerId": northwind, "role": "client"}, {"kind": "OTHER", "name": "Acme Guarantee Ltd"}]

    payload = (await graphql.execute(CREATE, contract_input(parties), api_key=tenant.api_key))["createContract"]

    contract = payload["contract"]
    # 2024-01-31 + 13 months = 2025-02-28 (clamped to the month's end); 30 days' notice before that is 2025-01-29.
    assert payload["userErrors"] == []
    assert contract["value"] == {"amount": "12000.00", "currency": "EUR"}
    assert (contract["status"], contract["renewalDate"], contract["noticeDeadline"], contract["endsOn"]) == ("ACTIVE", "2025-02-28", "2025-01-29", None)
    assert [edge["node"] for edge in contract["parties"]["edges"]] == [
        {"kind": "CUSTOMER", "role": "client", "name": None, "customer": {"name": "Northwind"}},
        {"kind": "OTHER", "role": None, "name": "Acme Guarantee Ltd", "customer": None},
    ]


async def test_an_auto_renewing_contracts_term_rolls_forward_to_today(graphql, tenant):
    contract = (await signed(graphql, tenant, startDate="2020-03-15", termMonths=12, autoRenew=True, noticePeriodDays=0))["contract"]

    today = date.today()
    expected = date(today.year, 3, 15) if date(today.year, 3, 15) >= today else date(today.year + 1, 3, 15)
    assert contract["renewalDate"] == contract["noticeDeadline"] == expected.isoformat()


async def test_notice_stops_the_contract_at_the_end_of_term_but_not_after_the_deadline(graphql, tenant):
    in_time = (await signed(graphql, tenant, await customer(graphql, tenant, "A")))["contract"]
    late = (await signed(graphql, tenant, await customer(graphql, tenant, "B")))["contract"]

    given = await graphql.execute(NOTICE, {"input": {"contractId": in_time["id"], "on": "2025-01-29"}}, api_key=tenant.api_key)
    missed = await graphql.execute(NOTICE, {"input": {"contractId": late["id"], "on": "2025-01-30"}}, api_key=tenant.api_key)

    assert given["giveContractNotice"]["contract"] == {
        "status": "NOTICE_GIVEN", "renewalDate": "2025-02-28", "noticeDeadline": "2025-01-29", "endsOn": "2025-02-28"
    }
    assert missed["giveContractNotice"] == {"contract": None, "userErrors": [
        {"field": ["input", "on"], "message": "notice for the term ending 2025-02-28 was due by 2025-01-29", "code": "NOTICE_PERIOD_MISSED"}
    ]}


async def test_each_party_names_what_its_kind_needs_and_nothing_is_written_otherwise(graphql, tenant, other_tenant):
    foreign = await customer(graphql, other_tenant, "Theirs")
    northwind = await customer(graphql, tenant)

    wrong_reference = await graphql.execute(
        CREATE, contract_input([{"kind": "OTHER", "name": "X"}, {"kind": "SUPPLIER", "customerId": northwind}]), api_key=tenant.api_key
    )
    foreign_customer = await graphql.execute(CREATE, contract_input([{"kind": "CUSTOMER", "customerId": foreign}]), api_key=tenant.api_key)
    no_term = await graphql.execute(CREATE, contract_input([{"kind": "OTHER", "name": "X"}], termMonths=0), api_key=tenant.api_key)
    listed = await graphql.execute("{ contracts { totalCount } }", api_key=tenant.api_key)

    assert [(error["field"], error["code"]) for error in wrong_reference["createContract"]["userErrors"]] == [(["input", "parties", "1"], "PARTY_REFERENCE")]
    assert [(error["field"], error["code"]) for error in foreign_customer["createContract"]["userErrors"]] == [
        (["input", "parties", "0", "customerId"], "NOT_FOUND")
    ]
    assert [(error["field"], error["code"]) for error in no_term["createContract"]["userErrors"]] == [(["input", "termMonths"], "INVALID_TERM")]
    assert listed["contracts"]["totalCount"] == 0


async def test_obligations_are_completed_once(graphql, tenant):
    contract = (await signed(graphql, tenant))["contract"]
    added = await graphql.execute(
        ADD_OBLIGATION, {"input": {"contractId": contract["id"], "description": "Quarterly report", "dueDate": "2024-06-30"}}, api_key=tenant.api_key
    )
    obligation_id = added["addObligation"]["obligation"]["id"]

    done = await graphql.execute(COMPLETE, {"input": {"obligationId": obligation_id, "on": "2024-06-28"}}, api_key=tenant.api_key)
    again = await graphql.execute(COMPLETE, {"input": {"obligationId": obligation_id}}, api_key=tenant.api_key)
    open_ones = await graphql.execute("{ obligations(filter: {status: OPEN}) { totalCount } }", api_key=tenant.api_key)

    assert added["addObligation"]["obligation"] | {"id": None} == {"id": None, "status": "OPEN", "dueDate": "2024-06-30"}
    assert done["completeObligation"] == {"obligation": {"status": "DONE", "completedOn": "2024-06-28", "contract": {"number": contract["number"]}}, "userErrors": []}
    assert again["completeObligation"]["userErrors"] == [{"field": ["input", "obligationId"], "code": "OBLIGATION_CLOSED"}]
    assert open_ones["obligations"]["totalCount"] == 0


async def test_contracts_filter_by_customer_and_order_by_title(graphql, tenant):
    northwind, globex = await customer(graphql, tenant, "Northwind"), await customer(graphql, tenant, "Globex")
    for title in ("Support", "Hosting"):
        await signed(graphql, tenant, northwind, title=title)
    await signed(graphql, tenant, globex, title="Licence")

    listed = await graphql.execute(
        "query($filter: ContractFilter, $orderBy: ContractOrder) { contracts(filter: $filter, orderBy: $orderBy) { edges { node { title } } } }",
        {"filter": {"customerId": northwind}, "orderBy": {"field": "TITLE", "direction": "ASC"}}, api_key=tenant.api_key,
    )

    assert [edge["node"]["title"] for edge in listed["contracts"]["edges"]] == ["Hosting", "Support"]


async def test_a_front_office_user_reads_contracts_but_cannot_sign_them(graphql, tenant):
    contract = (await signed(graphql, tenant))["contract"]
    front_office = await api_key_for(tenant, Role.FRONT_OFFICE)

    read = await graphql.execute("query($id: ID!) { contract(id: $id) { title } }", {"id": contract["id"]}, api_key=front_office)
    refused = (await graphql.post(CREATE, contract_input([{"kind": "OTHER", "name": "X"}]), api_key=front_office)).json()

    assert read["contract"] == {"title": "Support agreement"}
    assert refused["data"] is None and refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_another_tenants_contract_is_not_found(graphql, tenant, other_tenant):
    contract = (await signed(graphql, tenant))["contract"]

    read = await graphql.execute("query($id: ID!) { contract(id: $id) { title } }", {"id": contract["id"]}, api_key=other_tenant.api_key)
    notice = await graphql.execute(NOTICE, {"input": {"contractId": contract["id"], "on": "2024-02-01"}}, api_key=other_tenant.api_key)

    assert read["contract"] is None
    assert notice["giveContractNotice"]["userErrors"] == [{"field": ["input", "contractId"], "message": "contract not found", "code": "NOT_FOUND"}]
