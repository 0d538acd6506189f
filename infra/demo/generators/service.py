"""Customer service demo data: tickets of every priority and status over nine months, assigned to the
service team, some waiting on the customer (SLA paused), most of the older ones resolved and closed."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from domain.crm.models import Channel
from domain.service import service as support_service
from domain.service.models import TicketStatus
from domain.service.sla import Priority
from infra.demo.generators.crm import CrmIds
from infra.demo.generators.draws import chance, scaled, weighted
from infra.demo.generators.hr import HrIds
from infra.demo.generators.timeline import Timeline

SUBJECTS = [
    ("Delivery arrived damaged", "Two cartons were crushed, photos attached."),
    ("Wrong item shipped", "We received a different variant than ordered."),
    ("Invoice amount disputed", "The unit price does not match our quote."),
    ("Pump noisy after installation", "Loud whine above 60 percent load."),
    ("Certificate of conformity needed", "Our auditor asks for the CE certificate."),
    ("Portal password reset", None),
    ("Missing parts in shipment", "The mounting kit was not in the box."),
    ("Installation manual requested", None),
    ("Sensor readings drifting", "Values drift by 3 percent after an hour."),
    ("Change delivery address", "Please deliver the open order to our new site."),
]
PRIORITIES = [(Priority.LOW, 20), (Priority.NORMAL, 48), (Priority.HIGH, 23), (Priority.URGENT, 9)]
CHANNELS = [(Channel.EMAIL, 45), (Channel.PHONE, 25), (Channel.PORTAL, 20), (Channel.CHAT, 10)]
# Hours a resolution took, by priority.
RESOLUTION_HOURS = {Priority.URGENT: (1, 6), Priority.HIGH: (2, 12), Priority.NORMAL: (3, 36), Priority.LOW: (8, 90)}
WAITING_NOTES = ["Asked the customer for photos", "Waiting for the serial number", "Asked the customer to confirm the address"]


def ticket_count(size: int) -> int:
    return scaled(size, 0.3, minimum=8)


def planned_units(size: int) -> int:
    return ticket_count(size)


async def generate_service(rng: random.Random, *, size: int, timeline: Timeline, crm: CrmIds, hr: HrIds, advance: Callable[[int], None]) -> None:
    """Create the tickets of the last nine months with their status histories."""
    agents = hr.in_department("Customer Service")
    for opened_at, target, priority in sorted(_plans(rng, timeline, ticket_count(size)), key=lambda plan: plan[0]):
        customer = rng.choice(crm.customers)
        channel = weighted(rng, CHANNELS)
        subject, description = rng.choice(SUBJECTS)
        agent = rng.choice(agents)
        ticket = await support_service.open_ticket(
            customer_id=customer.id, contact_id=rng.choice(customer.contact_ids) if customer.contact_ids else None, subject=subject,
            description=description, channel=channel, priority=priority, opened_by="customer portal" if channel is Channel.PORTAL else agent.name,
            at=opened_at,
        )
        await _work_on(rng, timeline, ticket.id, priority, opened_at, agent, target)
        advance(1)


def _plans(rng: random.Random, timeline: Timeline, count: int) -> list[tuple[datetime, TicketStatus, Priority]]:
    """When each ticket came in, where it stands now and how urgent it is. The first ones show every status
    and priority even in the smallest demo; about one in seven of the others came in during the last four days."""
    showcase = [(TicketStatus.NEW, 0), (TicketStatus.OPEN, 1), (TicketStatus.WAITING_ON_CUSTOMER, 2), (TicketStatus.RESOLVED, 8), (TicketStatus.CLOSED, 30)]
    plans = [
        (timeline.end - timedelta(days=days, hours=rng.randint(3, 9)), target, list(Priority)[index % len(Priority)])
        for index, (target, days) in enumerate(showcase)
    ]
    for _ in range(count - len(showcase)):
        opened_at = timeline.moment(rng, timeline.recent_day(rng, within_days=4 if chance(rng, 0.15) else 270), first_hour=6, last_hour=20)
        plans.append((opened_at, _target(rng, timeline, opened_at), weighted(rng, PRIORITIES)))
    return plans


def _target(rng: random.Random, timeline: Timeline, opened_at: datetime) -> TicketStatus:
    """Where a ticket of this age stands now: recent ones are still being worked on, old ones are closed."""
    age = timeline.end - opened_at
    if age <= timedelta(days=3):
        options = [(TicketStatus.NEW, 30), (TicketStatus.OPEN, 35), (TicketStatus.WAITING_ON_CUSTOMER, 20), (TicketStatus.RESOLVED, 15)]
    elif age <= timedelta(days=21):
        options = [(TicketStatus.OPEN, 15), (TicketStatus.WAITING_ON_CUSTOMER, 15), (TicketStatus.RESOLVED, 35), (TicketStatus.CLOSED, 35)]
    else:
        options = [(TicketStatus.OPEN, 2), (TicketStatus.WAITING_ON_CUSTOMER, 3), (TicketStatus.RESOLVED, 5), (TicketStatus.CLOSED, 90)]
    return weighted(rng, options)


async def _work_on(rng: random.Random, timeline: Timeline, ticket_id, priority: Priority, opened_at: datetime, agent, target: TicketStatus) -> None:
    """Pick the ticket up, maybe wait on the customer, resolve and close it, as far as `target` and no later than the seeding day."""
    if target is TicketStatus.NEW:
        return
    at = opened_at + timedelta(minutes=rng.randint(5, 240))
    if at >= timeline.end:
        return
    await support_service.change_ticket_status(ticket_id=ticket_id, status=TicketStatus.OPEN, changed_by=agent.name, note="Picked up", at=at)
    await support_service.assign_ticket(ticket_id=ticket_id, employee_id=agent.id, assigned_by=agent.name)
    if priority is not Priority.URGENT and chance(rng, 0.05):
        await support_service.change_ticket_priority(ticket_id=ticket_id, priority=Priority.URGENT, changed_by=agent.name)
    if target is TicketStatus.OPEN:
        return
    if target is TicketStatus.WAITING_ON_CUSTOMER or chance(rng, 0.3):
        at += timedelta(minutes=rng.randint(20, 360))
        if at >= timeline.end:
            return
        await support_service.pause_ticket_sla(ticket_id=ticket_id, changed_by=agent.name, note=rng.choice(WAITING_NOTES), at=at)
        if target is TicketStatus.WAITING_ON_CUSTOMER:
            return
        at += timedelta(hours=rng.randint(2, 72))
        if at >= timeline.end:
            return
        await support_service.resume_ticket_sla(ticket_id=ticket_id, changed_by=agent.name, note="The customer replied", at=at)
    low, high = RESOLUTION_HOURS[priority]
    at += timedelta(minutes=rng.randint(low * 60, high * 60) * (rng.randint(2, 3) if chance(rng, 0.12) else 1))
    if at >= timeline.end:
        return
    await support_service.change_ticket_status(ticket_id=ticket_id, status=TicketStatus.RESOLVED, changed_by=agent.name, note="Solved", at=at)
    at += timedelta(days=rng.randint(1, 7))
    if target is TicketStatus.CLOSED and at < timeline.end:
        await support_service.change_ticket_status(ticket_id=ticket_id, status=TicketStatus.CLOSED, changed_by=agent.name, at=at)
