"""CRM demo data: customers, the people at them, and a year of emails, calls, chats, meetings and portal messages."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from domain.crm import service as crm_service
from domain.crm.models import Channel, Direction
from infra.demo.generators.draws import chance, weighted
from infra.demo.generators.hr import HrIds
from infra.demo.generators.names import JOB_TITLES, company_names, email_local_part, person, phone_number, web_domain
from infra.demo.generators.timeline import Timeline

CONTACTS_PER_CUSTOMER = [(1, 30), (2, 35), (3, 25), (4, 10)]
INTERACTIONS_PER_CUSTOMER = [(0, 12), (1, 22), (2, 24), (3, 18), (4, 12), (5, 7), (6, 5)]
SUBJECTS = {
    Channel.EMAIL: ["Price list request", "Order confirmation", "Question about delivery date", "Copy of invoice requested", "New contact person"],
    Channel.PHONE: ["Follow-up call", "Complaint about a late delivery", "Quarterly check-in", "Payment reminder call", "Stock availability"],
    Channel.CHAT: ["Portal login help", "Tracking number request", "Product compatibility question"],
    Channel.MEETING: ["Quarterly business review", "Site visit", "Contract renewal meeting", "Product demo"],
    Channel.PORTAL: ["Document uploaded", "Order changed online", "Delivery address updated"],
}
CHANNELS = [(Channel.EMAIL, 40), (Channel.PHONE, 28), (Channel.MEETING, 12), (Channel.CHAT, 12), (Channel.PORTAL, 8)]


@dataclass(frozen=True)
class CustomerRef:
    id: uuid.UUID
    name: str
    contact_ids: tuple[uuid.UUID, ...]


@dataclass
class CrmIds:
    customers: list[CustomerRef] = field(default_factory=list)  # in creation order


def planned_units(size: int) -> int:
    return size


async def generate_crm(
    rng: random.Random, *, size: int, timeline: Timeline, hr: HrIds, advance: Callable[[int], None]
) -> CrmIds:
    """Create `size` customers with their contacts and interactions; returns them with their contacts."""
    account_managers = [employee.name for employee in hr.in_department("Sales", "Customer Service")]
    ids = CrmIds()
    for number, name in enumerate(company_names(rng, size), start=1):
        domain = web_domain(name)
        customer = await crm_service.create_customer(name=name, email=f"accounts{number}@{domain}")
        contact_ids = []
        for _ in range(weighted(rng, CONTACTS_PER_CUSTOMER)):
            first_name, last_name = person(rng)
            contact = await crm_service.create_contact(
                customer_id=customer.id, first_name=first_name, last_name=last_name,
                email=f"{email_local_part(first_name, last_name)}@{domain}", phone=phone_number(rng) if chance(rng, 0.8) else None,
                job_title=rng.choice(JOB_TITLES),
            )
            contact_ids.append(contact.id)
        moments = sorted(timeline.moment(rng, timeline.day(rng)) for _ in range(weighted(rng, INTERACTIONS_PER_CUSTOMER)))
        for occurred_at in moments:
            channel = weighted(rng, CHANNELS)
            await crm_service.log_interaction(
                customer_id=customer.id, contact_id=rng.choice(contact_ids) if chance(rng, 0.85) else None, channel=channel,
                direction=Direction.INBOUND if chance(rng, 0.45) else Direction.OUTBOUND, subject=rng.choice(SUBJECTS[channel]),
                occurred_at=occurred_at, recorded_by=rng.choice(account_managers),
            )
        ids.customers.append(CustomerRef(customer.id, name, tuple(contact_ids)))
        advance(1)
    return ids
