"""IT through the graph: assets held by one employee at a time (with history), support requests moved
along their statuses, and the pay rule seen from IT: an asset's holder never shows a salary without hr:salaries."""

from __future__ import annotations

from tenants.models import Role
from tests.api.hr.test_employees import department, hire
from tests.api.hr.test_salaries import SET_SALARY, salary_input
from tests.api.reports.keys import api_key_for, statement_count

REGISTER = """
mutation($input: RegisterAssetInput!) {
  registerAsset(input: $input) { asset { id assetTag status purchaseCost { amount currency } } userErrors { field message code } }
}
"""
ASSIGN = """
mutation($input: AssignAssetInput!) { assignAsset(input: $input) { asset { status assignedTo { lastName } } userErrors { field code } } }
"""
RETURN = """
mutation($input: ReturnAssetInput!) {
  returnAsset(input: $input) { asset { status assignedTo { lastName } assignments { edges { node { assignedOn returnedOn employee { lastName } } } } } userErrors { field code } }
}
"""
OPEN = """
mutation($input: OpenSupportRequestInput!) {
  openSupportRequest(input: $input) { supportRequest { id number status priority requester { lastName } asset { assetTag } } userErrors { field code } }
}
"""
CHANGE = """
mutation($input: ChangeSupportRequestStatusInput!) {
  changeSupportRequestStatus(input: $input) { supportRequest { status resolution resolvedAt } userErrors { field message code } }
}
"""


async def asset(graphql, tenant, tag: str = "LT-001", **extra) -> str:
    variables = {"input": {"assetTag": tag, "name": "ThinkPad X1", "kind": "LAPTOP", **extra}}
    return (await graphql.execute(REGISTER, variables, api_key=tenant.api_key))["registerAsset"]["asset"]["id"]


async def employee(graphql, tenant, last_name: str = "Lovelace") -> str:
    return (await hire(graphql, tenant, await department(graphql, tenant, f"Dept {last_name}"), "Ada", last_name))["employee"]["id"]


async def test_an_asset_is_held_by_one_employee_at_a_time_and_keeps_its_history(graphql, tenant):
    laptop = await asset(graphql, tenant, purchaseCost="1499", currency="EUR")
    ada, alan = await employee(graphql, tenant, "Lovelace"), await employee(graphql, tenant, "Turing")

    given = await graphql.execute(ASSIGN, {"input": {"assetId": laptop, "employeeId": ada, "on": "2024-01-09"}}, api_key=tenant.api_key)
    taken = await graphql.execute(ASSIGN, {"input": {"assetId": laptop, "employeeId": alan}}, api_key=tenant.api_key)
    returned = await graphql.execute(RETURN, {"input": {"assetId": laptop, "on": "2024-03-01"}}, api_key=tenant.api_key)
    cost = await graphql.execute("query($id: ID!) { asset(id: $id) { purchaseCost { amount currency } } }", {"id": laptop}, api_key=tenant.api_key)

    assert given["assignAsset"] == {"asset": {"status": "ASSIGNED", "assignedTo": {"lastName": "Lovelace"}}, "userErrors": []}
    assert taken["assignAsset"] == {"asset": None, "userErrors": [{"field": ["input", "assetId"], "code": "ASSET_NOT_AVAILABLE"}]}
    assert returned["returnAsset"]["asset"] == {
        "status": "IN_STOCK", "assignedTo": None,
        "assignments": {"edges": [{"node": {"assignedOn": "2024-01-09", "returnedOn": "2024-03-01", "employee": {"lastName": "Lovelace"}}}]},
    }
    assert cost["asset"]["purchaseCost"] == {"amount": "1499.00", "currency": "EUR"}


async def test_a_purchase_cost_needs_a_currency_and_a_tag_is_unique(graphql, tenant):
    await asset(graphql, tenant, "LT-001")

    no_currency = await graphql.execute(REGISTER, {"input": {"assetTag": "LT-002", "name": "X", "kind": "LAPTOP", "purchaseCost": "10"}}, api_key=tenant.api_key)
    taken = await graphql.execute(REGISTER, {"input": {"assetTag": "LT-001", "name": "X", "kind": "PHONE"}}, api_key=tenant.api_key)
    listed = await graphql.execute("{ assets { totalCount } }", api_key=tenant.api_key)

    assert [(error["field"], error["code"]) for error in no_currency["registerAsset"]["userErrors"]] == [(["input", "currency"], "COST_NEEDS_CURRENCY")]
    assert [(error["field"], error["code"]) for error in taken["registerAsset"]["userErrors"]] == [(["input", "assetTag"], "DUPLICATE")]
    assert listed["assets"]["totalCount"] == 1


async def test_a_support_request_is_resolved_with_a_resolution_and_frozen_once_closed(graphql, tenant):
    laptop = await asset(graphql, tenant)
    ada = await employee(graphql, tenant)
    opened = await graphql.execute(
        OPEN, {"input": {"requesterId": ada, "subject": "Screen flickers", "assetId": laptop, "priority": "HIGH"}}, api_key=tenant.api_key
    )
    request = opened["openSupportRequest"]["supportRequest"]

    no_resolution = await graphql.execute(CHANGE, {"input": {"supportRequestId": request["id"], "status": "RESOLVED"}}, api_key=tenant.api_key)
    resolved = await graphql.execute(
        CHANGE, {"input": {"supportRequestId": request["id"], "status": "RESOLVED", "resolution": "New cable"}}, api_key=tenant.api_key
    )
    closed = await graphql.execute(CHANGE, {"input": {"supportRequestId": request["id"], "status": "CLOSED"}}, api_key=tenant.api_key)
    reopened = await graphql.execute(CHANGE, {"input": {"supportRequestId": request["id"], "status": "OPEN"}}, api_key=tenant.api_key)
    high = await graphql.execute("{ supportRequests(filter: {priority: HIGH, status: CLOSED}) { totalCount } }", api_key=tenant.api_key)

    assert request | {"id": None} == {
        "id": None, "number": "IT-000001", "status": "OPEN", "priority": "HIGH", "requester": {"lastName": "Lovelace"}, "asset": {"assetTag": "LT-001"}
    }
    assert [(error["field"], error["code"]) for error in no_resolution["changeSupportRequestStatus"]["userErrors"]] == [(["input", "resolution"], "REQUIRED")]
    assert resolved["changeSupportRequestStatus"]["supportRequest"]["resolution"] == "New cable"
    assert closed["changeSupportRequestStatus"]["supportRequest"]["status"] == "CLOSED"
    assert reopened["changeSupportRequestStatus"]["userErrors"] == [
        {"field": ["input", "supportRequestId"], "message": "the request is closed", "code": "REQUEST_CLOSED"}
    ]
    assert high["supportRequests"]["totalCount"] == 1


HOLDERS = """
{ assets(first: 10) { edges { node { assetTag assignedTo { lastName salary { amount { amount } } departmentHistory { totalCount } } } } } }
"""


async def test_through_an_asset_a_front_office_user_without_hr_read_sees_the_asset_but_not_its_holder(graphql, tenant):
    laptop, ada = await asset(graphql, tenant), await employee(graphql, tenant)
    await graphql.execute(SET_SALARY, salary_input(ada, "5150", "2024-01-01"), api_key=tenant.api_key)
    await graphql.execute(ASSIGN, {"input": {"assetId": laptop, "employeeId": ada}}, api_key=tenant.api_key)
    front_office, back_office = await api_key_for(tenant, Role.FRONT_OFFICE), await api_key_for(tenant, Role.BACK_OFFICE)

    refused = await graphql.post(HOLDERS, api_key=front_office)
    seen = await graphql.execute(HOLDERS, api_key=back_office)

    body = refused.json()
    assert body["data"]["assets"]["edges"] == [{"node": {"assetTag": "LT-001", "assignedTo": None}}]
    assert [(error["path"][-1], error["extensions"]["code"], error["message"]) for error in body["errors"]] == [
        ("assignedTo", "FORBIDDEN", "requires scope hr:read")
    ]
    assert "Lovelace" not in refused.text and "5150" not in refused.text
    assert seen["assets"]["edges"][0]["node"]["assignedTo"] == {"lastName": "Lovelace", "salary": {"amount": {"amount": "5150.00"}}, "departmentHistory": {"totalCount": 1}}


async def test_through_an_asset_an_hr_reader_without_hr_salaries_sees_the_holder_but_not_their_pay(graphql, tenant):
    laptop, ada = await asset(graphql, tenant), await employee(graphql, tenant)
    await graphql.execute(SET_SALARY, salary_input(ada, "5150", "2024-01-01"), api_key=tenant.api_key)
    await graphql.execute(ASSIGN, {"input": {"assetId": laptop, "employeeId": ada}}, api_key=tenant.api_key)
    no_pay = await api_key_for(tenant, Role.BACK_OFFICE, ["it:read", "hr:read"])

    body = (await graphql.post(HOLDERS, api_key=no_pay)).json()

    assert body["data"]["assets"]["edges"] == [{"node": {"assetTag": "LT-001", "assignedTo": {"lastName": "Lovelace", "salary": None, "departmentHistory": {"totalCount": 1}}}}]
    assert [(error["path"][-1], error["extensions"]["code"]) for error in body["errors"]] == [("salary", "FORBIDDEN")]
    assert "5150" not in str(body)


async def test_another_tenants_asset_is_not_found(graphql, tenant, other_tenant):
    laptop = await asset(graphql, tenant)
    theirs = await employee(graphql, other_tenant)

    assigned = await graphql.execute(ASSIGN, {"input": {"assetId": laptop, "employeeId": theirs}}, api_key=other_tenant.api_key)
    node = (await graphql.post("query($id: ID!) { node(id: $id) { id } }", {"id": laptop}, api_key=other_tenant.api_key)).json()

    assert assigned["assignAsset"] == {"asset": None, "userErrors": [{"field": ["input", "assetId"], "code": "NOT_FOUND"}]}
    assert node["errors"][0]["extensions"]["code"] == "NOT_FOUND"


PAGE = "{ assets(first: 20) { edges { node { assetTag assignedTo { lastName } assignments(first: 5) { edges { node { employee { lastName } } } } } } } }"


async def test_a_page_of_assets_loads_holders_and_histories_in_the_same_number_of_statements(graphql, tenant, spans):
    await graphql.execute(ASSIGN, {"input": {"assetId": await asset(graphql, tenant, "A-0"), "employeeId": await employee(graphql, tenant, "E0")}}, api_key=tenant.api_key)
    spans.clear()
    await graphql.execute(PAGE, api_key=tenant.api_key)
    one = statement_count(spans)

    for number in range(1, 5):
        held, holder = await asset(graphql, tenant, f"A-{number}"), await employee(graphql, tenant, f"E{number}")
        await graphql.execute(ASSIGN, {"input": {"assetId": held, "employeeId": holder}}, api_key=tenant.api_key)
    spans.clear()
    await graphql.execute(PAGE, api_key=tenant.api_key)

    assert statement_count(spans) == one > 0
