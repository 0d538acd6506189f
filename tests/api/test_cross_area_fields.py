"""A key without an area's read scope gets FORBIDDEN, and null, on each field that reaches into that area from
another one (an invoice's customer, a contract's parties, an asset's holder), and the rest of its answer intact.
The schema-wide rule is in test_cross_area_scopes.py; these read the fields through the graph."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from domain.crm import service as crm_service
from domain.finance import service as finance_service
from domain.hr import service as hr_service
from domain.it import service as it_service
from domain.it.models import AssetKind
from domain.legal import service as legal_service
from domain.legal.models import PartyKind
from domain.operations import service as operations_service
from tenants.context import tenant_transaction
from tests.api.crm.keys import api_key_with

# The names the other areas' objects carry: none may appear in an answer to a key without their scope.
CUSTOMER, EMPLOYEE_FIRST_NAME, SUPPLIER = "Northwind Traders", "Grace", "Acme Pallets"


async def load_one_of_each(tenant_id) -> None:
    """A customer, an employee and a supplier, and the finance, legal and IT records that point at them."""
    async with tenant_transaction(tenant_id):
        customer = await crm_service.create_customer(name=CUSTOMER)
        department = await hr_service.create_department(name="Operations")
        employee = await hr_service.hire_employee(first_name=EMPLOYEE_FIRST_NAME, last_name="Hopper", hired_on=date(2025, 1, 1), department_id=department.id)
        supplier = await operations_service.create_supplier(name=SUPPLIER)
        invoice = await finance_service.create_invoice(
            customer_id=customer.id, currency="EUR",
            lines=[finance_service.InvoiceLineInput(description="Pallets", quantity=Decimal(1), unit_price=Decimal("100"), tax_rate=Decimal(0))],
        )
        await finance_service.issue_invoice(invoice_id=invoice.id, issue_date=date(2026, 1, 1), due_date=date(2026, 1, 31))
        await finance_service.record_payment(invoice_id=invoice.id, amount=Decimal("20"), currency="EUR", paid_on=date(2026, 1, 20))
        await legal_service.create_contract(
            title="Framework agreement", value=Decimal("5000"), currency="EUR", start_date=date(2026, 1, 1), term_months=12, owner_id=employee.id,
            parties=[
                legal_service.PartyInput(kind=PartyKind.CUSTOMER, customer_id=customer.id, role="buyer"),
                legal_service.PartyInput(kind=PartyKind.SUPPLIER, supplier_id=supplier.id, role="carrier"),
                legal_service.PartyInput(kind=PartyKind.EMPLOYEE, employee_id=employee.id, role="signatory"),
            ],
        )
        asset = await it_service.register_asset(asset_tag="LT-001", name="Laptop", kind=AssetKind.LAPTOP)
        await it_service.assign_asset(asset_id=asset.id, employee_id=employee.id, on=date(2026, 1, 2))
        await it_service.open_support_request(requester_id=employee.id, subject="Laptop fan is loud", asset_id=asset.id)


@dataclass(frozen=True)
class Reading:
    scope: str
    query: str
    kept: dict  # what the key still reads of its own area
    refused: dict[str, str]  # the field refused -> the scope its error names


READINGS = {
    "finance": Reading(
        "finance:read",
        """{ invoices(first: 5) { edges { node { number customer { name } payments(first: 5) { edges { node { amount { amount } customer { name } } } } } } }
             reports { arAgeing(first: 5) { edges { node { total { amount } customer { name } } } } } }""",
        {"payment": {"amount": "20.00"}, "ageing": {"amount": "80.00"}},
        {"invoices.customer": "crm:read", "payments.customer": "crm:read", "arAgeing.customer": "crm:read"},
    ),
    "legal": Reading(
        "legal:read",
        """{ contracts(first: 5) { edges { node { title owner { firstName }
             parties(first: 5) { edges { node { kind role customer { name } supplier { name } employee { firstName } } } } } } } }""",
        {"title": "Framework agreement", "roles": ["buyer", "carrier", "signatory"]},
        {"contracts.owner": "hr:read", "parties.customer": "crm:read", "parties.supplier": "operations:read", "parties.employee": "hr:read"},
    ),
    "it": Reading(
        "it:read",
        """{ assets(first: 5) { edges { node { assetTag assignedTo { firstName } assignments(first: 5) { edges { node { assignedOn employee { firstName } } } } } } }
             supportRequests(first: 5) { edges { node { subject requester { firstName } } } } }""",
        {"assetTag": "LT-001", "subject": "Laptop fan is loud"},
        {"assets.assignedTo": "hr:read", "assignments.employee": "hr:read", "supportRequests.requester": "hr:read"},
    ),
}


def _kept(area: str, data: dict) -> dict:
    if area == "finance":
        invoice = data["invoices"]["edges"][0]["node"]
        ageing = data["reports"]["arAgeing"]["edges"][0]["node"]
        return {"payment": invoice["payments"]["edges"][0]["node"]["amount"], "ageing": ageing["total"]}
    if area == "legal":
        contract = data["contracts"]["edges"][0]["node"]
        return {"title": contract["title"], "roles": sorted(edge["node"]["role"] for edge in contract["parties"]["edges"])}
    return {"assetTag": data["assets"]["edges"][0]["node"]["assetTag"], "subject": data["supportRequests"]["edges"][0]["node"]["subject"]}


def _refused(errors: list[dict]) -> dict[str, str]:
    """Each refused field as `parent.field` (the nearest named list or object above it) -> the scope its error names."""
    refused = {}
    for error in errors:
        assert error["extensions"]["code"] == "FORBIDDEN", error
        names = [step for step in error["path"] if isinstance(step, str) and step not in ("edges", "node")]
        refused[f"{names[-2]}.{names[-1]}"] = error["message"].removeprefix("requires scope ")
    return refused


@pytest.mark.parametrize("area", sorted(READINGS))
async def test_a_key_of_one_area_gets_forbidden_on_every_field_reaching_into_another_and_keeps_its_own(graphql, tenant, area):
    await load_one_of_each(tenant.id)
    reading = READINGS[area]
    key = await api_key_with(graphql, tenant, reading.scope)

    response = (await graphql.post(reading.query, api_key=key)).json()

    assert _kept(area, response["data"]) == reading.kept
    assert _refused(response["errors"]) == reading.refused
    assert CUSTOMER not in str(response) and EMPLOYEE_FIRST_NAME not in str(response) and SUPPLIER not in str(response)


@pytest.mark.parametrize("area", sorted(READINGS))
async def test_a_key_holding_the_other_areas_scopes_reads_the_same_fields(graphql, tenant, area):
    await load_one_of_each(tenant.id)
    reading = READINGS[area]

    response = (await graphql.post(reading.query, api_key=tenant.api_key)).json()

    assert "errors" not in response
    assert _kept(area, response["data"]) == reading.kept
    named = {"crm:read": CUSTOMER, "hr:read": EMPLOYEE_FIRST_NAME, "operations:read": SUPPLIER}
    assert all(named[scope] in str(response) for scope in reading.refused.values())
