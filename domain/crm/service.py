"""CRM services: the only place customers, contacts and interactions are created, read and changed."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import datetime

from tortoise.queryset import QuerySet

from domain.crm import events
from domain.crm.errors import CrmErrorCode
from domain.crm.models import Channel, Contact, Customer, Direction, Interaction
from domain.errors import DomainError
from domain.outbox import record_event
from domain.validation import optional_text, required_text
from tenants.ownership import create_owned, scoped

NAME_MAX = 200
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_UNSET: object = object()


def _email(email: str | None, *, field: str = "email") -> str | None:
    if email is None:
        return None
    email = email.strip()
    if not EMAIL_PATTERN.match(email):
        raise DomainError(CrmErrorCode.INVALID_EMAIL, f"{email!r} is not an email address", field=field)
    return email


def _name(name: str) -> str:
    name = name.strip()
    if not name:
        raise DomainError(CrmErrorCode.NAME_REQUIRED, "name must not be empty", field="name")
    if len(name) > NAME_MAX:
        raise DomainError(CrmErrorCode.NAME_TOO_LONG, f"name is longer than {NAME_MAX} characters", field="name")
    return name


# Customers


def customers() -> QuerySet[Customer]:
    """The current tenant's customers, newest first."""
    return scoped(Customer).order_by("-created_at", "-id")


def list_customers() -> QuerySet[Customer]:
    """The current tenant's customers, newest first."""
    return customers()


async def get_customer(*, customer_id: uuid.UUID) -> Customer | None:
    """The customer with this id, or None (also for another tenant's id)."""
    return await scoped(Customer).get_or_none(id=customer_id)


async def get_customer_or_raise(*, customer_id: uuid.UUID, field: str = "customer_id") -> Customer:
    """The customer with this id, or NOT_FOUND naming `field`."""
    customer = await get_customer(customer_id=customer_id)
    if customer is None:
        raise DomainError(CrmErrorCode.NOT_FOUND, "customer not found", field=field)
    return customer


async def get_customers(*, customer_ids: Sequence[uuid.UUID]) -> list[Customer]:
    """The customers among these ids that belong to the current tenant."""
    return await scoped(Customer).filter(id__in=list(customer_ids))


async def create_customer(*, name: str, email: str | None = None) -> Customer:
    """Create a customer of the current tenant."""
    return await create_owned(Customer, name=_name(name), email=_email(email))


async def update_customer(*, customer_id: uuid.UUID, name: str | None = None, email: str | None | object = _UNSET) -> Customer:
    """Rename a customer or change its email (None clears it)."""
    customer = await get_customer_or_raise(customer_id=customer_id)
    if name is not None:
        customer.name = _name(name)
    if email is not _UNSET:
        customer.email = _email(email)  # type: ignore[arg-type]
    await customer.save()
    return customer


# Contacts


def list_contacts(*, customer_id: uuid.UUID | None = None, customer_ids: Sequence[uuid.UUID] | None = None) -> QuerySet[Contact]:
    """The current tenant's contacts (of one customer, or of several, when given), by name."""
    query = scoped(Contact)
    if customer_id is not None:
        query = query.filter(customer_id=customer_id)
    if customer_ids is not None:
        query = query.filter(customer_id__in=list(customer_ids))
    return query.order_by("last_name", "first_name", "id")


async def get_contact(*, contact_id: uuid.UUID) -> Contact | None:
    """The contact with this id, or None."""
    return await scoped(Contact).get_or_none(id=contact_id)


async def get_contact_or_raise(*, contact_id: uuid.UUID, field: str = "contact_id") -> Contact:
    """The contact with this id, or NOT_FOUND naming `field`."""
    contact = await get_contact(contact_id=contact_id)
    if contact is None:
        raise DomainError(CrmErrorCode.NOT_FOUND, "contact not found", field=field)
    return contact


async def get_contacts(*, contact_ids: Sequence[uuid.UUID]) -> list[Contact]:
    """The contacts among these ids that belong to the current tenant."""
    return await scoped(Contact).filter(id__in=list(contact_ids))


async def create_contact(
    *,
    customer_id: uuid.UUID,
    first_name: str,
    last_name: str,
    email: str | None = None,
    phone: str | None = None,
    job_title: str | None = None,
) -> Contact:
    """Add a person at a customer."""
    customer = await get_customer_or_raise(customer_id=customer_id)
    return await create_owned(
        Contact,
        customer=customer,
        first_name=required_text(first_name, field="first_name", max_length=100),
        last_name=required_text(last_name, field="last_name", max_length=100),
        email=_email(email),
        phone=optional_text(phone, field="phone", max_length=40),
        job_title=optional_text(job_title, field="job_title", max_length=120),
    )


async def update_contact(
    *,
    contact_id: uuid.UUID,
    first_name: str | None = None,
    last_name: str | None = None,
    email: str | None | object = _UNSET,
    phone: str | None | object = _UNSET,
    job_title: str | None | object = _UNSET,
) -> Contact:
    """Change a contact's details; None clears an optional one."""
    contact = await get_contact_or_raise(contact_id=contact_id)
    if first_name is not None:
        contact.first_name = required_text(first_name, field="first_name", max_length=100)
    if last_name is not None:
        contact.last_name = required_text(last_name, field="last_name", max_length=100)
    if email is not _UNSET:
        contact.email = _email(email)  # type: ignore[arg-type]
    if phone is not _UNSET:
        contact.phone = optional_text(phone, field="phone", max_length=40)  # type: ignore[arg-type]
    if job_title is not _UNSET:
        contact.job_title = optional_text(job_title, field="job_title", max_length=120)  # type: ignore[arg-type]
    await contact.save()
    return contact


# Interactions


def list_interactions(*, customer_id: uuid.UUID | None = None, channel: Channel | None = None) -> QuerySet[Interaction]:
    """Interactions, most recent first, optionally of one customer or channel."""
    query = scoped(Interaction)
    if customer_id is not None:
        query = query.filter(customer_id=customer_id)
    if channel is not None:
        query = query.filter(channel=channel)
    return query.order_by("-occurred_at", "-id")


async def log_interaction(
    *,
    customer_id: uuid.UUID,
    channel: Channel,
    direction: Direction,
    subject: str,
    occurred_at: datetime,
    contact_id: uuid.UUID | None = None,
    summary: str | None = None,
    recorded_by: str | None = None,
) -> Interaction:
    """Record a touchpoint with a customer, optionally with one of its contacts."""
    customer = await get_customer_or_raise(customer_id=customer_id)
    contact = None
    if contact_id is not None:
        contact = await get_contact_or_raise(contact_id=contact_id)
        if contact.customer_id != customer.id:
            raise DomainError(
                CrmErrorCode.CONTACT_OF_ANOTHER_CUSTOMER, "the contact belongs to another customer", field="contact_id"
            )
    interaction = await create_owned(
        Interaction,
        customer=customer,
        contact=contact,
        channel=Channel(channel),
        direction=Direction(direction),
        subject=required_text(subject, field="subject", max_length=200),
        summary=summary,
        occurred_at=occurred_at,
        recorded_by=recorded_by,
    )
    await record_event(
        event_type=events.INTERACTION_LOGGED,
        payload=events.interaction_logged(interaction),
        idempotency_key=f"{events.INTERACTION_LOGGED}:{interaction.id}",
    )
    return interaction
