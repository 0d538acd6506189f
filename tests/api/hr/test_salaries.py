"""An employee's pay is visible only with `hr:salaries`: without it the field is FORBIDDEN and nothing of it leaks."""

from __future__ import annotations

from tenants.models import Role
from tests.api.hr.test_employees import department, hire
from tests.api.reports.keys import api_key_for

SET_SALARY = """
mutation($input: SetSalaryInput!) {
  setSalary(input: $input) { salary { id amount { amount currency } period effectiveFrom } userErrors { field message code } }
}
"""
WITH_PAY = """
query($id: ID!) {
  employee(id: $id) {
    lastName
    salary { amount { amount currency } period }
    salaryHistory { totalCount edges { node { amount { amount } effectiveFrom } } }
  }
}
"""


def salary_input(employee_id: str, amount: str, effective_from: str, currency: str = "EUR") -> dict:
    return {"input": {"employeeId": employee_id, "amount": amount, "currency": currency, "period": "MONTHLY", "effectiveFrom": effective_from}}


async def salaried_employee(graphql, tenant) -> str:
    employee = (await hire(graphql, tenant, await department(graphql, tenant, "Finance"), "Ada", "Lovelace"))["employee"]
    for amount, effective_from in (("4100.5", "2024-01-08"), ("4321", "2024-07-01")):
        payload = (await graphql.execute(SET_SALARY, salary_input(employee["id"], amount, effective_from), api_key=tenant.api_key))["setSalary"]
        assert payload["userErrors"] == []
    return employee["id"]


async def test_a_back_office_user_sees_the_current_salary_and_its_history(graphql, tenant):
    employee_id = await salaried_employee(graphql, tenant)
    back_office = await api_key_for(tenant, Role.BACK_OFFICE)

    employee = (await graphql.execute(WITH_PAY, {"id": employee_id}, api_key=back_office))["employee"]

    assert employee["salary"] == {"amount": {"amount": "4321.00", "currency": "EUR"}, "period": "MONTHLY"}
    assert [edge["node"] for edge in employee["salaryHistory"]["edges"]] == [
        {"amount": {"amount": "4100.50"}, "effectiveFrom": "2024-01-08"},
        {"amount": {"amount": "4321.00"}, "effectiveFrom": "2024-07-01"},
    ]


async def test_without_hr_salaries_the_pay_fields_are_forbidden_and_nothing_of_them_leaks(graphql, tenant):
    employee_id = await salaried_employee(graphql, tenant)
    read_only = await api_key_for(tenant, Role.READ_ONLY)  # hr:read, but not hr:salaries

    response = await graphql.post(WITH_PAY, {"id": employee_id}, api_key=read_only)

    body = response.json()
    assert body["data"]["employee"] == {"lastName": "Lovelace", "salary": None, "salaryHistory": None}
    assert sorted((error["path"][-1], error["extensions"]["code"]) for error in body["errors"]) == [
        ("salary", "FORBIDDEN"), ("salaryHistory", "FORBIDDEN")
    ]
    assert "4321" not in response.text and "4100" not in response.text and "MONTHLY" not in response.text


async def test_a_salary_node_needs_hr_salaries(graphql, tenant):
    employee = (await hire(graphql, tenant, await department(graphql, tenant, "Finance"), "Ada", "Lovelace"))["employee"]
    salary = (await graphql.execute(SET_SALARY, salary_input(employee["id"], "4321", "2024-01-08"), api_key=tenant.api_key))["setSalary"]["salary"]
    read_only, back_office = await api_key_for(tenant, Role.READ_ONLY), await api_key_for(tenant, Role.BACK_OFFICE)
    query = "query($id: ID!) { node(id: $id) { ... on Salary { amount { amount } } } }"

    refused = (await graphql.post(query, {"id": salary["id"]}, api_key=read_only)).json()
    seen = await graphql.execute(query, {"id": salary["id"]}, api_key=back_office)

    assert refused["data"]["node"] is None and refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert seen["node"] == {"amount": {"amount": "4321.00"}}


async def test_setting_a_salary_needs_hr_salaries_and_writes_nothing_without_it(graphql, tenant):
    employee = (await hire(graphql, tenant, await department(graphql, tenant, "Finance"), "Ada", "Lovelace"))["employee"]
    hr_clerk = await api_key_for(tenant, Role.BACK_OFFICE, scopes=["hr:read", "hr:write"])

    refused = (await graphql.post(SET_SALARY, salary_input(employee["id"], "4321", "2024-01-08"), api_key=hr_clerk)).json()
    after = (await graphql.execute(WITH_PAY, {"id": employee["id"]}, api_key=tenant.api_key))["employee"]

    assert refused["data"] is None and refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert after["salaryHistory"]["totalCount"] == 0


async def test_a_salary_in_an_unknown_currency_or_of_zero_names_the_field(graphql, tenant):
    employee = (await hire(graphql, tenant, await department(graphql, tenant, "Finance"), "Ada", "Lovelace"))["employee"]

    unknown = await graphql.execute(SET_SALARY, salary_input(employee["id"], "4321", "2024-01-08", currency="XXX"), api_key=tenant.api_key)
    zero = await graphql.execute(SET_SALARY, salary_input(employee["id"], "0", "2024-01-08"), api_key=tenant.api_key)

    assert [(error["field"], error["code"]) for error in unknown["setSalary"]["userErrors"]] == [(["input", "currency"], "UNKNOWN_CURRENCY")]
    assert [(error["field"], error["code"]) for error in zero["setSalary"]["userErrors"]] == [(["input", "amount"], "INVALID")]
