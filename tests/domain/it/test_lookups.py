"""IT batch reads: the assignment histories of many assets in one query."""

from __future__ import annotations

from datetime import date

from domain.hr import service as hr
from domain.it import lookups
from domain.it import service as it
from domain.it.models import AssetKind
from tenants.context import tenant_transaction


async def test_assignments_of_many_assets_come_back_oldest_first(tenant):
    async with tenant_transaction(tenant.id):
        team = await hr.create_department(name="Team")
        ada = await hr.hire_employee(first_name="Ada", last_name="Lovelace", hired_on=date(2024, 1, 1), department_id=team.id)
        laptop = await it.register_asset(asset_tag="LT-1", name="Laptop", kind=AssetKind.LAPTOP)
        phone = await it.register_asset(asset_tag="PH-1", name="Phone", kind=AssetKind.PHONE)
        await it.assign_asset(asset_id=laptop.id, employee_id=ada.id, on=date(2024, 1, 2))
        await it.return_asset(asset_id=laptop.id, on=date(2024, 2, 1))
        await it.assign_asset(asset_id=laptop.id, employee_id=ada.id, on=date(2024, 3, 1))
        await it.assign_asset(asset_id=phone.id, employee_id=ada.id, on=date(2024, 1, 5))

        rows = await lookups.assignments_of_assets(asset_ids=[laptop.id, phone.id])

    assert [(row.asset_id, row.assigned_on, row.returned_on) for row in rows] == [
        (laptop.id, date(2024, 1, 2), date(2024, 2, 1)), (phone.id, date(2024, 1, 5), None), (laptop.id, date(2024, 3, 1), None)
    ]
