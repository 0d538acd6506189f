"""IT: an asset is held by one employee at a time, and support requests move to resolution."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.errors import DomainError
from domain.hr import service as hr
from domain.it import service as it
from domain.it.errors import ItErrorCode
from domain.it.models import AssetKind, AssetStatus, SupportRequestStatus
from tenants.context import tenant_transaction


async def staff():
    department = await hr.create_department(name="Engineering")
    ann = await hr.hire_employee(first_name="Ann", last_name="A", hired_on=date(2023, 1, 1), department_id=department.id)
    bob = await hr.hire_employee(first_name="Bob", last_name="B", hired_on=date(2023, 1, 1), department_id=department.id)
    return ann, bob


async def test_an_asset_is_held_by_one_employee_at_a_time_with_history(tenant):
    async with tenant_transaction(tenant.id):
        ann, bob = await staff()
        laptop = await it.register_asset(asset_tag="LT-001", name="ThinkPad", kind=AssetKind.LAPTOP, purchase_cost=Decimal("1450.00"), currency="EUR")
        await it.assign_asset(asset_id=laptop.id, employee_id=ann.id, on=date(2024, 1, 2))
        with pytest.raises(DomainError) as taken:
            await it.assign_asset(asset_id=laptop.id, employee_id=bob.id)
        await it.return_asset(asset_id=laptop.id, on=date(2024, 6, 1))
        await it.assign_asset(asset_id=laptop.id, employee_id=bob.id, on=date(2024, 6, 2))
        history = await it.asset_history(asset_id=laptop.id)
        bobs = await it.list_assets(employee_id=bob.id)
    assert taken.value.code is ItErrorCode.ASSET_NOT_AVAILABLE
    assert [(a.employee_id, a.assigned_on, a.returned_on) for a in history] == [
        (ann.id, date(2024, 1, 2), date(2024, 6, 1)),
        (bob.id, date(2024, 6, 2), None),
    ]
    assert [(a.asset_tag, a.status) for a in bobs] == [("LT-001", AssetStatus.ASSIGNED)]


async def test_a_support_request_is_assigned_and_resolved_with_a_resolution(tenant):
    async with tenant_transaction(tenant.id):
        ann, bob = await staff()
        laptop = await it.register_asset(asset_tag="LT-001", name="ThinkPad", kind=AssetKind.LAPTOP)
        request = await it.open_support_request(requester_id=ann.id, subject="Battery swells", asset_id=laptop.id)
        assigned = await it.assign_support_request(support_request_id=request.id, employee_id=bob.id)
        with pytest.raises(DomainError) as no_resolution:
            await it.change_support_request_status(support_request_id=request.id, status=SupportRequestStatus.RESOLVED)
        resolved = await it.change_support_request_status(support_request_id=request.id, status=SupportRequestStatus.RESOLVED, resolution="Replaced battery")
    assert request.number == "IT-000001"
    assert (assigned.status, assigned.assignee_id) == (SupportRequestStatus.IN_PROGRESS, bob.id)
    assert no_resolution.value.field == "resolution"
    assert resolved.resolved_at is not None


async def test_a_leaver_cannot_be_given_an_asset(tenant):
    async with tenant_transaction(tenant.id):
        ann, _ = await staff()
        await hr.terminate_employee(employee_id=ann.id, on=date(2024, 3, 1))
        phone = await it.register_asset(asset_tag="PH-001", name="Phone", kind=AssetKind.PHONE)
        with pytest.raises(DomainError) as error:
            await it.assign_asset(asset_id=phone.id, employee_id=ann.id)
    assert error.value.field == "employee_id"
