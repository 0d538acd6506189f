"""IT demo data: laptops, phones, monitors and licences assigned to employees (some passed on, some in
repair, retired or spare), and the employees' support requests in every status."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from domain.it import service as it_service
from domain.it.models import AssetKind, RequestPriority, SupportRequestStatus
from infra.demo.generators.draws import chance, money, scaled, weighted
from infra.demo.generators.hr import EmployeeRef, HrIds, employee_count
from infra.demo.generators.timeline import Timeline

# kind -> (tag prefix, models, cost range, who gets one: departments (None: everybody), share of them)
EQUIPMENT = {
    AssetKind.LAPTOP: ("LT", ["Dell Latitude 7450", "Lenovo ThinkPad T14", "HP EliteBook 840", "Apple MacBook Air 13"], (900, 2100), None, 1.0),
    AssetKind.PHONE: ("PH", ["iPhone 15", "Samsung Galaxy S24", "Google Pixel 8"], (450, 1100), ("Sales", "Customer Service", "Management"), 0.8),
    AssetKind.MONITOR: ("MN", ["Dell P2723D", "LG 27UP850", "Samsung S60UD"], (180, 450), None, 0.4),
    AssetKind.LICENCE: ("LI", ["Adobe Creative Cloud seat", "AutoCAD LT seat", "Power BI Pro seat"], (250, 700), ("Marketing", "Operations", "Finance"), 0.5),
}
REQUESTS = [
    ("Laptop does not boot", True), ("VPN keeps disconnecting", False), ("Access to the finance share", False),
    ("Phone screen cracked", True), ("New starter setup", False), ("Printer on the second floor is offline", False),
    ("Outlook keeps asking for the password", False), ("Second monitor flickers", True), ("Licence expired", True),
]
RESOLUTIONS = ["Replaced the battery", "Reinstalled the VPN client", "Access granted by the data owner", "Screen replaced under warranty",
               "Account and laptop prepared", "Driver updated", "Password reset and MFA re-enrolled", "Cable replaced", "Licence renewed"]
STATUSES = [(SupportRequestStatus.OPEN, 15), (SupportRequestStatus.IN_PROGRESS, 20), (SupportRequestStatus.RESOLVED, 20), (SupportRequestStatus.CLOSED, 45)]
PRIORITIES = [(RequestPriority.LOW, 25), (RequestPriority.NORMAL, 50), (RequestPriority.HIGH, 20), (RequestPriority.CRITICAL, 5)]


def request_count(size: int) -> int:
    return scaled(size, 1 / 16, minimum=5)


def planned_units(size: int) -> int:
    return employee_count(size) + request_count(size)


async def generate_it(rng: random.Random, *, size: int, timeline: Timeline, currency: str, hr: HrIds, advance: Callable[[int], None]) -> None:
    """Equip every active employee, keep a few spares, and create the year's support requests."""
    counters = {kind: 0 for kind in EQUIPMENT}
    held: dict = {}  # employee id -> asset ids, for the requests about them
    for employee in hr.employees:
        for kind, (_, _, _, departments, share) in EQUIPMENT.items():
            if (departments is None or employee.department in departments) and chance(rng, share):
                counters[kind] += 1
                asset_id = await _assign_new(rng, timeline, currency, kind, counters[kind], employee, hr.employees)
                held.setdefault(employee.id, []).append(asset_id)
        advance(1)
    for kind in (AssetKind.LAPTOP, AssetKind.PHONE, AssetKind.MONITOR):
        for _ in range(max(1, counters[kind] // 25)):
            counters[kind] += 1
            await _spare(rng, timeline, currency, kind, counters[kind], hr.employees)
    await _requests(rng, size, hr, held, advance)


async def _register(rng: random.Random, timeline: Timeline, currency: str, kind: AssetKind, number: int, bought_after: date):
    prefix, models, (low, high), _, _ = EQUIPMENT[kind]
    return await it_service.register_asset(
        asset_tag=f"{prefix}-{number:05d}", name=rng.choice(models), kind=kind, serial_number=f"SN{rng.randrange(16**10):010X}",
        purchased_on=timeline.day(rng, max(bought_after, timeline.as_of - timedelta(days=4 * 365)), timeline.yesterday),
        purchase_cost=money(rng, low, high, step=10), currency=currency,
    )


async def _assign_new(rng: random.Random, timeline: Timeline, currency: str, kind: AssetKind, number: int, employee: EmployeeRef, everybody: list[EmployeeRef]):
    """Buy an asset for `employee`; about one in ten was first used by a colleague and handed back."""
    asset = await _register(rng, timeline, currency, kind, number, timeline.as_of - timedelta(days=4 * 365))
    on = max(asset.purchased_on, employee.hired_on)
    previous = rng.choice(everybody)
    if chance(rng, 0.1) and previous.id != employee.id and (timeline.as_of - max(on, previous.hired_on)).days > 60:
        first_on = max(on, previous.hired_on)
        returned_on = timeline.day(rng, first_on + timedelta(days=10), timeline.yesterday - timedelta(days=20))
        await it_service.assign_asset(asset_id=asset.id, employee_id=previous.id, on=first_on)
        await it_service.return_asset(asset_id=asset.id, on=returned_on)
        on = returned_on + timedelta(days=rng.randint(1, 10))
    await it_service.assign_asset(asset_id=asset.id, employee_id=employee.id, on=on)
    return asset.id


async def _spare(rng: random.Random, timeline: Timeline, currency: str, kind: AssetKind, number: int, everybody: list[EmployeeRef]) -> None:
    """A spare: in stock, in repair after its holder handed it in, or retired after years of use."""
    asset = await _register(rng, timeline, currency, kind, number, timeline.as_of - timedelta(days=4 * 365))
    fate = weighted(rng, [("in_stock", 60), ("in_repair", 20), ("retired", 20)])
    if fate == "in_stock":
        return
    holder = rng.choice(everybody)
    assigned_on = max(asset.purchased_on, holder.hired_on)
    if assigned_on >= timeline.yesterday:
        return
    await it_service.assign_asset(asset_id=asset.id, employee_id=holder.id, on=assigned_on)
    await it_service.return_asset(asset_id=asset.id, on=timeline.day(rng, assigned_on + timedelta(days=1)), to_repair=fate == "in_repair")
    if fate == "retired":
        await it_service.retire_asset(asset_id=asset.id)


async def _requests(rng: random.Random, size: int, hr: HrIds, held: dict, advance: Callable[[int], None]) -> None:
    staff = hr.in_department("IT")
    for _ in range(request_count(size)):
        requester = rng.choice(hr.employees)
        subject, about_asset = rng.choice(REQUESTS)
        assets = held.get(requester.id, [])
        request = await it_service.open_support_request(
            requester_id=requester.id, subject=subject, priority=weighted(rng, PRIORITIES),
            asset_id=rng.choice(assets) if about_asset and assets else None,
        )
        status = weighted(rng, STATUSES)
        if status is not SupportRequestStatus.OPEN:
            await it_service.assign_support_request(support_request_id=request.id, employee_id=rng.choice(staff).id)
        if status in (SupportRequestStatus.RESOLVED, SupportRequestStatus.CLOSED):
            await it_service.change_support_request_status(
                support_request_id=request.id, status=SupportRequestStatus.RESOLVED, resolution=RESOLUTIONS[REQUESTS.index((subject, about_asset))]
            )
        if status is SupportRequestStatus.CLOSED:
            await it_service.change_support_request_status(support_request_id=request.id, status=SupportRequestStatus.CLOSED)
        advance(1)
