"""Tickets through the graph: the SLA due time follows the priority and stops while waiting on the customer."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from domain import clock
from domain.hr import service as hr_service
from tenants.context import tenant_transaction
from tests.api.crm.keys import api_key_with
from tests.api.sales.builders import create_customer

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TICKET_FIELDS = """
id number status priority openedAt slaDueAt slaPaused slaRemainingSeconds slaBreached slaMet assigneeName
statusHistory { edges { node { fromStatus toStatus note changedBy } } }
"""
OPEN = f"mutation($input: OpenTicketInput!) {{ openTicket(input: $input) {{ ticket {{ {TICKET_FIELDS} }} userErrors {{ field message code }} }} }}"
STATUS = f"mutation($input: ChangeTicketStatusInput!) {{ changeTicketStatus(input: $input) {{ ticket {{ {TICKET_FIELDS} }} userErrors {{ field message code }} }} }}"
PRIORITY = "mutation($input: ChangeTicketPriorityInput!) { changeTicketPriority(input: $input) { ticket { priority slaDueAt } userErrors { field code } } }"
ASSIGN = "mutation($input: AssignTicketInput!) { assignTicket(input: $input) { ticket { status assigneeName } userErrors { field code } } }"
TICKET = f"query($id: ID!) {{ node(id: $id) {{ ... on Ticket {{ {TICKET_FIELDS} }} }} }}"


@pytest.fixture
def now(monkeypatch):
    """The domain's clock, set by the test."""
    current = {"at": T0}
    monkeypatch.setattr(clock, "now", lambda: current["at"])
    return current


def at(hours: float) -> str:
    return (T0 + timedelta(hours=hours)).isoformat()


def moments(ticket: dict) -> dict:
    return {key: datetime.fromisoformat(ticket[key]) for key in ("openedAt", "slaDueAt")}


async def open_ticket(graphql, tenant, customer: dict, **extra) -> dict:
    data = await graphql.execute(OPEN, {"input": {"customerId": customer["id"], "subject": "Invoice PDF is blank", "channel": "EMAIL", **extra}}, api_key=tenant.api_key)
    return data["openTicket"]


async def change_status(graphql, tenant, ticket: dict, status: str, note: str | None = None) -> dict:
    data = await graphql.execute(STATUS, {"input": {"ticketId": ticket["id"], "status": status, "note": note}}, api_key=tenant.api_key)
    return data["changeTicketStatus"]


async def test_the_sla_due_time_follows_the_priority(graphql, tenant, now):
    ticket = (await open_ticket(graphql, tenant, await create_customer(graphql, tenant)))["ticket"]

    urgent = await graphql.execute(PRIORITY, {"input": {"ticketId": ticket["id"], "priority": "URGENT"}}, api_key=tenant.api_key)
    same = await graphql.execute(PRIORITY, {"input": {"ticketId": ticket["id"], "priority": "URGENT"}}, api_key=tenant.api_key)

    assert ticket["status"] == "NEW" and ticket["priority"] == "NORMAL" and ticket["number"].startswith("T-")
    assert moments(ticket) == {"openedAt": T0, "slaDueAt": T0 + timedelta(hours=24)}
    assert ticket["slaRemainingSeconds"] == 24 * 3600 and ticket["slaBreached"] is False and ticket["slaMet"] is None
    assert [edge["node"]["toStatus"] for edge in ticket["statusHistory"]["edges"]] == ["NEW"]
    assert datetime.fromisoformat(urgent["changeTicketPriority"]["ticket"]["slaDueAt"]) == T0 + timedelta(hours=4)
    assert same["changeTicketPriority"] == {"ticket": None, "userErrors": [{"field": ["input", "priority"], "code": "UNCHANGED"}]}


async def test_waiting_on_the_customer_stops_the_clock_and_moves_the_due_time_by_the_pause(graphql, tenant, now):
    ticket = (await open_ticket(graphql, tenant, await create_customer(graphql, tenant), priority="HIGH"))["ticket"]

    now["at"] = T0 + timedelta(hours=1)
    waiting = (await change_status(graphql, tenant, ticket, "WAITING_ON_CUSTOMER", "asked for the PDF"))["ticket"]
    now["at"] = T0 + timedelta(hours=30)
    frozen = (await graphql.execute(TICKET, {"id": ticket["id"]}, api_key=tenant.api_key))["node"]
    now["at"] = T0 + timedelta(hours=3)
    resumed = (await change_status(graphql, tenant, ticket, "OPEN"))["ticket"]
    now["at"] = T0 + timedelta(hours=9)
    resolved = (await change_status(graphql, tenant, ticket, "RESOLVED"))["ticket"]

    assert waiting["slaPaused"] is True and moments(waiting)["slaDueAt"] == T0 + timedelta(hours=8)
    assert frozen["slaRemainingSeconds"] == 7 * 3600 and frozen["slaBreached"] is False
    assert resumed["slaPaused"] is False and moments(resumed)["slaDueAt"] == T0 + timedelta(hours=10)
    assert resolved["slaMet"] is True and resolved["slaBreached"] is False
    assert [(e["node"]["fromStatus"], e["node"]["toStatus"], e["node"]["note"]) for e in resolved["statusHistory"]["edges"]] == [
        (None, "NEW", None),
        ("NEW", "WAITING_ON_CUSTOMER", "asked for the PDF"),
        ("WAITING_ON_CUSTOMER", "OPEN", None),
        ("OPEN", "RESOLVED", None),
    ]


async def test_a_transition_the_lifecycle_forbids_is_refused_and_changes_nothing(graphql, tenant):
    ticket = (await open_ticket(graphql, tenant, await create_customer(graphql, tenant)))["ticket"]

    await change_status(graphql, tenant, ticket, "RESOLVED")
    waiting = await change_status(graphql, tenant, ticket, "WAITING_ON_CUSTOMER")
    await change_status(graphql, tenant, ticket, "CLOSED")
    reopened = await change_status(graphql, tenant, ticket, "OPEN")
    node = (await graphql.execute(TICKET, {"id": ticket["id"]}, api_key=tenant.api_key))["node"]

    assert waiting == {"ticket": None, "userErrors": [
        {"field": ["input", "status"], "message": "a resolved ticket cannot become waiting_on_customer", "code": "INVALID_TRANSITION"}
    ]}
    assert reopened["userErrors"] == [{"field": ["input", "ticketId"], "message": "the ticket is closed", "code": "TICKET_CLOSED"}]
    assert node["status"] == "CLOSED" and len(node["statusHistory"]["edges"]) == 3


async def test_assigning_opens_a_new_ticket_and_the_assignee_needs_hr_read(graphql, tenant, other_tenant):
    async def hire(owner, first: str, last: str):
        async with tenant_transaction(owner.id):
            department = await hr_service.create_department(name=f"Support {first}")
            employee = await hr_service.hire_employee(first_name=first, last_name=last, hired_on=date(2025, 1, 6), department_id=department.id)
        from strawberry import relay

        return relay.to_base64("Employee", employee.id)

    ada = await hire(tenant, "Ada", "Lovelace")
    stranger = await hire(other_tenant, "Eve", "Outsider")
    ticket = (await open_ticket(graphql, tenant, await create_customer(graphql, tenant)))["ticket"]
    agent = await api_key_with(graphql, tenant, "service:read", "service:write")

    foreign = await graphql.execute(ASSIGN, {"input": {"ticketId": ticket["id"], "employeeId": stranger}}, api_key=tenant.api_key)
    assigned = await graphql.execute(ASSIGN, {"input": {"ticketId": ticket["id"], "employeeId": ada}}, api_key=agent)
    seen = (await graphql.post(
        "query($id: ID!) { node(id: $id) { ... on Ticket { assigneeName assignee { firstName } } } }", {"id": ticket["id"]}, api_key=agent
    )).json()
    full = await graphql.execute("query($id: ID!) { node(id: $id) { ... on Ticket { assignee { firstName lastName } } } }", {"id": ticket["id"]}, api_key=tenant.api_key)

    assert foreign["assignTicket"] == {"ticket": None, "userErrors": [{"field": ["input", "employeeId"], "code": "NOT_FOUND"}]}
    assert assigned["assignTicket"] == {"ticket": {"status": "OPEN", "assigneeName": "Ada Lovelace"}, "userErrors": []}
    assert seen["data"]["node"] == {"assigneeName": "Ada Lovelace", "assignee": None}
    assert [(error["path"], error["extensions"]["code"]) for error in seen["errors"]] == [(["node", "assignee"], "FORBIDDEN")]
    assert full["node"]["assignee"] == {"firstName": "Ada", "lastName": "Lovelace"}


async def test_tickets_filter_and_order(graphql, tenant, now):
    northwind = await create_customer(graphql, tenant, "Northwind")
    globex = await create_customer(graphql, tenant, "Globex")
    first = (await open_ticket(graphql, tenant, northwind, subject="Login fails", priority="LOW"))["ticket"]
    now["at"] = T0 + timedelta(hours=1)
    await open_ticket(graphql, tenant, northwind, subject="Export broken", priority="URGENT")
    now["at"] = T0 + timedelta(hours=2)
    await open_ticket(graphql, tenant, globex, subject="Invoice wrong", priority="HIGH")
    await change_status(graphql, tenant, first, "RESOLVED")

    async def subjects(filter=None, order=None):
        data = await graphql.execute(
            "query($f: TicketFilter, $o: TicketOrder) { tickets(filter: $f, orderBy: $o) { totalCount edges { node { subject } } } }",
            {"f": filter, "o": order}, api_key=tenant.api_key,
        )
        return [edge["node"]["subject"] for edge in data["tickets"]["edges"]]

    assert await subjects() == ["Export broken", "Invoice wrong", "Login fails"]  # most urgent SLA first
    assert await subjects(order={"field": "OPENED_AT", "direction": "DESC"}) == ["Invoice wrong", "Export broken", "Login fails"]
    assert await subjects({"openOnly": True, "customerId": northwind["id"]}) == ["Export broken"]
    assert await subjects({"priority": "HIGH"}) == ["Invoice wrong"]
    assert await subjects({"status": "RESOLVED", "unassigned": True}) == ["Login fails"]
    assert await subjects({"slaDueBefore": at(10)}) == ["Export broken"]
    assert await subjects({"subjectContains": "INVOICE"}) == ["Invoice wrong"]


async def test_tickets_need_the_service_scopes_and_another_tenants_ticket_is_not_found(graphql, tenant, other_tenant):
    northwind = await create_customer(graphql, tenant, "Northwind")
    globex = await create_customer(graphql, tenant, "Globex")
    contact = await graphql.execute(
        "mutation($input: CreateContactInput!) { createContact(input: $input) { contact { id } } }",
        {"input": {"customerId": globex["id"], "firstName": "Gil", "lastName": "Globex"}}, api_key=tenant.api_key,
    )
    ticket = (await open_ticket(graphql, tenant, northwind))["ticket"]
    crm_only = await api_key_with(graphql, tenant, "crm:read", "crm:write")

    mismatch = await open_ticket(graphql, tenant, northwind, contactId=contact["createContact"]["contact"]["id"])
    listed = (await graphql.post("{ tickets { totalCount } }", api_key=crm_only)).json()
    opened = (await graphql.post(OPEN, {"input": {"customerId": northwind["id"], "subject": "x", "channel": "PHONE"}}, api_key=crm_only)).json()
    foreign = await change_status(graphql, other_tenant, ticket, "RESOLVED")
    count = await graphql.execute("{ tickets { totalCount } }", api_key=tenant.api_key)

    assert mismatch == {"ticket": None, "userErrors": [
        {"field": ["input", "contactId"], "message": "the contact belongs to another customer", "code": "CONTACT_OF_ANOTHER_CUSTOMER"}
    ]}
    assert listed["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert opened["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert foreign["userErrors"] == [{"field": ["input", "ticketId"], "message": "ticket not found", "code": "NOT_FOUND"}]
    assert count == {"tickets": {"totalCount": 1}}
