"""Attack-suite factories for the IT area's Node types."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from domain.hr import service as hr_service
from domain.it import service as it_service
from domain.it.models import AssetKind


async def _held_asset(marker: str, label: str):
    department = await hr_service.create_department(name=f"{marker} {label} IT department")
    holder = await hr_service.hire_employee(first_name=marker, last_name=label, hired_on=date(2024, 1, 8), department_id=department.id)
    asset = await it_service.register_asset(
        asset_tag=f"{label[:6]}-{uuid.uuid4().hex[:8]}", name=f"{marker} {label} laptop", kind=AssetKind.LAPTOP,
        serial_number=f"{marker}-SN", purchase_cost=Decimal("1499.00"), currency="EUR",
    )
    assignment = await it_service.assign_asset(asset_id=asset.id, employee_id=holder.id, on=date(2024, 1, 9))
    return asset, assignment, holder


async def asset(marker: str) -> uuid.UUID:
    return (await _held_asset(marker, "Asset"))[0].id


async def asset_assignment(marker: str) -> uuid.UUID:
    return (await _held_asset(marker, "Assignment"))[1].id


async def support_request(marker: str) -> uuid.UUID:
    held, _, holder = await _held_asset(marker, "Request")
    opened = await it_service.open_support_request(
        requester_id=holder.id, subject=f"{marker} screen flickers", description=marker, asset_id=held.id
    )
    return opened.id


FACTORIES = {"Asset": asset, "AssetAssignment": asset_assignment, "SupportRequest": support_request}
