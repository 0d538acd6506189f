"""CRM services: the only place customers are created, read and changed."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence

from tortoise.queryset import QuerySet

from domain.crm.errors import CrmErrorCode
from domain.crm.models import Customer
from domain.errors import DomainError
from tenants.ownership import create_owned, scoped

NAME_MAX = 200
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def customers() -> QuerySet[Customer]:
    """The current tenant's customers, newest first."""
    return scoped(Customer).order_by("-created_at", "-id")


async def get_customer(*, customer_id: uuid.UUID) -> Customer | None:
    return await scoped(Customer).get_or_none(id=customer_id)


async def get_customers(*, customer_ids: Sequence[uuid.UUID]) -> list[Customer]:
    return await scoped(Customer).filter(id__in=list(customer_ids))


async def create_customer(*, name: str, email: str | None = None) -> Customer:
    """Create a customer of the current tenant."""
    name = name.strip()
    if not name:
        raise DomainError(CrmErrorCode.NAME_REQUIRED, "name must not be empty", field="name")
    if len(name) > NAME_MAX:
        raise DomainError(CrmErrorCode.NAME_TOO_LONG, f"name is longer than {NAME_MAX} characters", field="name")
    if email is not None and not EMAIL_PATTERN.match(email):
        raise DomainError(CrmErrorCode.INVALID_EMAIL, f"{email!r} is not an email address", field="email")
    return await create_owned(Customer, name=name, email=email)
