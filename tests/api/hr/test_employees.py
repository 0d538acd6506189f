"""HR through the graph: departments, employees in one department at a time, their history, filters."""

from __future__ import annotations

from tenants.models import Role
from tests.api.reports.keys import api_key_for, statement_count

CREATE_DEPARTMENT = """
mutation($input: CreateDepartmentInput!) {
  createDepartment(input: $input) { department { id name code } userErrors { field message code } }
}
"""
HIRE = """
mutation($input: HireEmployeeInput!) {
  hireEmployee(input: $input) {
    employee { id employeeNumber firstName lastName status hiredOn department { name } }
    userErrors { field message code }
  }
}
"""
ASSIGN = """
mutation($input: AssignEmployeeToDepartmentInput!) {
  assignEmployeeToDepartment(input: $input) {
    employee { department { name } }
    assignment { startedOn endedOn department { name } }
    userErrors { field message code }
  }
}
"""
HISTORY = """
query($id: ID!) {
  employee(id: $id) {
    department { name }
    departmentHistory { totalCount edges { node { startedOn endedOn department { name } } } }
  }
}
"""
EMPLOYEES = """
query($filter: EmployeeFilter, $orderBy: EmployeeOrder) {
  employees(filter: $filter, orderBy: $orderBy) { totalCount edges { node { firstName lastName status } } }
}
"""


async def department(graphql, tenant, name: str) -> str:
    data = await graphql.execute(CREATE_DEPARTMENT, {"input": {"name": name}}, api_key=tenant.api_key)
    return data["createDepartment"]["department"]["id"]


async def hire(graphql, tenant, department_id: str, first: str, last: str, hired_on: str = "2024-01-08") -> dict:
    variables = {"input": {"firstName": first, "lastName": last, "hiredOn": hired_on, "departmentId": department_id}}
    return (await graphql.execute(HIRE, variables, api_key=tenant.api_key))["hireEmployee"]


async def test_a_hired_employee_is_numbered_and_placed_in_their_department(graphql, tenant):
    sales = await department(graphql, tenant, "Sales")

    payload = await hire(graphql, tenant, sales, "Ada", "Lovelace")

    assert payload["userErrors"] == []
    assert payload["employee"] | {"id": None} == {
        "id": None, "employeeNumber": "E-000001", "firstName": "Ada", "lastName": "Lovelace", "status": "ACTIVE",
        "hiredOn": "2024-01-08", "department": {"name": "Sales"},
    }


async def test_an_employee_moves_departments_one_at_a_time_and_keeps_the_history(graphql, tenant):
    sales, support = await department(graphql, tenant, "Sales"), await department(graphql, tenant, "Support")
    employee = (await hire(graphql, tenant, sales, "Ada", "Lovelace"))["employee"]

    moved = await graphql.execute(
        ASSIGN, {"input": {"employeeId": employee["id"], "departmentId": support, "on": "2024-06-01"}}, api_key=tenant.api_key
    )
    again = await graphql.execute(
        ASSIGN, {"input": {"employeeId": employee["id"], "departmentId": support, "on": "2024-07-01"}}, api_key=tenant.api_key
    )
    history = (await graphql.execute(HISTORY, {"id": employee["id"]}, api_key=tenant.api_key))["employee"]

    assert moved["assignEmployeeToDepartment"]["employee"] == {"department": {"name": "Support"}}
    assert again["assignEmployeeToDepartment"]["userErrors"] == [
        {"field": ["input", "departmentId"], "message": "the employee is already in this department", "code": "ALREADY_IN_DEPARTMENT"}
    ]
    assert history["department"] == {"name": "Support"}
    assert [edge["node"] for edge in history["departmentHistory"]["edges"]] == [
        {"startedOn": "2024-01-08", "endedOn": "2024-06-01", "department": {"name": "Sales"}},
        {"startedOn": "2024-06-01", "endedOn": None, "department": {"name": "Support"}},
    ]


async def test_a_move_dated_before_the_current_assignment_is_refused_and_changes_nothing(graphql, tenant):
    sales, support = await department(graphql, tenant, "Sales"), await department(graphql, tenant, "Support")
    employee = (await hire(graphql, tenant, sales, "Ada", "Lovelace", hired_on="2024-03-01"))["employee"]

    refused = await graphql.execute(
        ASSIGN, {"input": {"employeeId": employee["id"], "departmentId": support, "on": "2024-02-01"}}, api_key=tenant.api_key
    )
    history = (await graphql.execute(HISTORY, {"id": employee["id"]}, api_key=tenant.api_key))["employee"]

    payload = refused["assignEmployeeToDepartment"]
    assert payload["employee"] is None and payload["assignment"] is None
    assert payload["userErrors"][0]["field"] == ["input", "on"]
    assert payload["userErrors"][0]["code"] == "DATE_BEFORE_CURRENT_ASSIGNMENT"
    assert history["department"] == {"name": "Sales"} and history["departmentHistory"]["totalCount"] == 1


async def test_a_refused_hire_names_the_field_and_writes_nothing(graphql, tenant):
    sales = await department(graphql, tenant, "Sales")

    payload = await hire(graphql, tenant, sales, "   ", "Lovelace")
    listed = await graphql.execute(EMPLOYEES, api_key=tenant.api_key)

    assert payload == {"employee": None, "userErrors": [{"field": ["input", "firstName"], "message": "first_name must not be empty", "code": "REQUIRED"}]}
    assert listed["employees"]["totalCount"] == 0


async def test_employees_filter_by_department_status_and_name_and_order_by_hire_date(graphql, tenant):
    sales, support = await department(graphql, tenant, "Sales"), await department(graphql, tenant, "Support")
    await hire(graphql, tenant, sales, "Ada", "Lovelace", hired_on="2024-01-08")
    grace = (await hire(graphql, tenant, sales, "Grace", "Hopper", hired_on="2023-05-02"))["employee"]
    await hire(graphql, tenant, support, "Alan", "Turing", hired_on="2024-02-01")
    await graphql.execute(
        "mutation($input: TerminateEmployeeInput!) { terminateEmployee(input: $input) { userErrors { code } } }",
        {"input": {"employeeId": grace["id"], "on": "2024-04-30"}}, api_key=tenant.api_key,
    )

    in_sales = await graphql.execute(
        EMPLOYEES, {"filter": {"departmentId": sales}, "orderBy": {"field": "HIRED_ON", "direction": "DESC"}}, api_key=tenant.api_key
    )
    active = await graphql.execute(EMPLOYEES, {"filter": {"status": "ACTIVE"}}, api_key=tenant.api_key)
    named = await graphql.execute(EMPLOYEES, {"filter": {"nameContains": "tur"}}, api_key=tenant.api_key)

    # Grace left but her last department stays Sales; by name (the default order) the active ones are Lovelace, Turing.
    assert [edge["node"]["lastName"] for edge in in_sales["employees"]["edges"]] == ["Lovelace", "Hopper"]
    assert [edge["node"]["lastName"] for edge in active["employees"]["edges"]] == ["Lovelace", "Turing"]
    assert [edge["node"]["lastName"] for edge in named["employees"]["edges"]] == ["Turing"]


async def test_without_hr_read_employees_are_forbidden(graphql, tenant):
    sales = await department(graphql, tenant, "Sales")
    employee = (await hire(graphql, tenant, sales, "Ada", "Lovelace"))["employee"]
    front_office = await api_key_for(tenant, Role.FRONT_OFFICE)

    listed = (await graphql.post(EMPLOYEES, api_key=front_office)).json()
    node = (await graphql.post("query($id: ID!) { node(id: $id) { id } }", {"id": employee["id"]}, api_key=front_office)).json()
    hired = (await graphql.post(HIRE, {"input": {"firstName": "X", "lastName": "Y", "hiredOn": "2024-01-01", "departmentId": sales}}, api_key=front_office)).json()

    assert listed["data"] is None and listed["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert node["data"]["node"] is None and node["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert hired["data"] is None and hired["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_another_tenants_employee_is_not_found(graphql, tenant, other_tenant):
    sales = await department(graphql, tenant, "Sales")
    employee = (await hire(graphql, tenant, sales, "Ada", "Lovelace"))["employee"]
    theirs = await department(graphql, other_tenant, "Theirs")

    node = (await graphql.post("query($id: ID!) { node(id: $id) { id } }", {"id": employee["id"]}, api_key=other_tenant.api_key)).json()
    moved = await graphql.execute(ASSIGN, {"input": {"employeeId": employee["id"], "departmentId": theirs}}, api_key=other_tenant.api_key)

    assert node["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert moved["assignEmployeeToDepartment"]["userErrors"] == [
        {"field": ["input", "employeeId"], "message": "employee not found", "code": "NOT_FOUND"}
    ]


PAGE_WITH_NESTED = """
{ employees(first: 10) { edges { node {
    department { name } position { title }
    departmentHistory(first: 5) { edges { node { department { name } } } }
    trainingEnrolments(first: 5) { edges { node { training { title } } } }
    salary { amount { amount } }
} } } }
"""


async def test_a_page_of_employees_loads_its_nested_fields_in_the_same_number_of_statements(graphql, tenant, spans):
    sales = await department(graphql, tenant, "Sales")
    await hire(graphql, tenant, sales, "Ada", "Lovelace")
    spans.clear()
    await graphql.execute(PAGE_WITH_NESTED, api_key=tenant.api_key)
    one = statement_count(spans)

    for number in range(5):
        await hire(graphql, tenant, await department(graphql, tenant, f"Team {number}"), f"Person{number}", "Example")
    spans.clear()
    await graphql.execute(PAGE_WITH_NESTED, api_key=tenant.api_key)
    six = statement_count(spans)

    assert one == six > 0
