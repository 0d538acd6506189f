"""Users, their memberships in tenants, and signing in."""

from __future__ import annotations

import re
import uuid

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from tenants.context import tenant_transaction
from tenants.credential_changes import Affected, announce
from tenants.errors import TenantError, TenantErrorCode, unauthenticated
from tenants.models import Membership, Role, Tenant, User
from tenants.ownership import create_owned, scoped

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD_LENGTH = 12
_hasher = PasswordHasher()
# Verifying against this when the email is unknown keeps the answer's timing the same.
_UNKNOWN_USER_HASH = _hasher.hash("concord-no-such-user")


async def create_user(*, email: str, name: str, password: str | None = None) -> User:
    """A person who can be given memberships; with a password they can sign in."""
    email = email.strip().lower()
    if not EMAIL_PATTERN.match(email):
        raise TenantError(TenantErrorCode.INVALID_EMAIL, f"{email!r} is not an email address", field="email")
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise TenantError(
            TenantErrorCode.WEAK_PASSWORD, f"password must have at least {MIN_PASSWORD_LENGTH} characters", field="password"
        )
    if await User.filter(email=email).exists():
        raise TenantError(TenantErrorCode.EMAIL_TAKEN, f"a user with email {email!r} exists", field="email")
    password_hash = _hasher.hash(password) if password is not None else None
    return await User.create(email=email, name=name.strip(), password_hash=password_hash)


async def add_membership(*, user_id: uuid.UUID, role: Role) -> Membership:
    """Give a user a role in the current tenant (replacing the role they had)."""
    membership = await scoped(Membership).get_or_none(user_id=user_id)
    if membership is None:
        return await create_owned(Membership, user_id=user_id, role=role)
    membership.role = role
    await membership.save(update_fields=["role", "updated_at"])
    await announce(Affected.USER, user_id)  # a narrower role counts from the next request on
    return membership


async def membership_role(*, tenant_id: uuid.UUID, user_id: uuid.UUID) -> Role | None:
    """The user's role in the tenant, read under that tenant's row-level security."""
    async with tenant_transaction(tenant_id):
        membership = await scoped(Membership).get_or_none(user_id=user_id)
    return membership.role if membership else None


async def create_operator(*, email: str, name: str, password: str) -> User:
    """A platform operator: administers tenants through the platform API, sees no tenant's data."""
    user = await create_user(email=email, name=name, password=password)
    user.is_platform_operator = True
    await user.save(update_fields=["is_platform_operator"])
    return user


async def check_operator_password(*, email: str, password: str) -> User:
    """The operator signing in; the same UNAUTHENTICATED answer for every wrong part."""
    user = await _user_with_password(email=email, password=password)
    if user is None or not user.is_platform_operator:
        raise unauthenticated()
    return user


async def is_operator(*, user_id: uuid.UUID) -> bool:
    return await User.filter(id=user_id, is_platform_operator=True).exists()


async def _user_with_password(*, email: str, password: str) -> User | None:
    user = await User.get_or_none(email=email.strip().lower())
    try:
        _hasher.verify(user.password_hash if user and user.password_hash else _UNKNOWN_USER_HASH, password)
    except (VerificationError, InvalidHashError):
        raise unauthenticated() from None
    return user


async def check_password(*, email: str, password: str, tenant_slug: str) -> tuple[User, Tenant]:
    """The user and tenant for a sign-in; the same UNAUTHENTICATED answer for every wrong part."""
    user = await _user_with_password(email=email, password=password)
    tenant = await Tenant.get_or_none(slug=tenant_slug)
    if user is None or tenant is None or await membership_role(tenant_id=tenant.id, user_id=user.id) is None:
        raise unauthenticated()
    return user, tenant
