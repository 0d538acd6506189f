"""Roles and scopes: what each kind of principal may read and change.

A principal's effective scopes are its role's scopes, narrowed by the scopes on its API key, and for
a partner app's key narrowed again by the scopes its tenant granted to partners.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from tenants.models import Role


class Scope(StrEnum):
    CRM_READ = "crm:read"
    CRM_WRITE = "crm:write"
    SALES_READ = "sales:read"
    SALES_WRITE = "sales:write"
    MARKETING_READ = "marketing:read"
    MARKETING_WRITE = "marketing:write"
    SERVICE_READ = "service:read"
    SERVICE_WRITE = "service:write"
    HR_READ = "hr:read"
    HR_WRITE = "hr:write"
    HR_SALARIES = "hr:salaries"
    FINANCE_READ = "finance:read"
    FINANCE_WRITE = "finance:write"
    FINANCE_APPROVE = "finance:approve"
    OPERATIONS_READ = "operations:read"
    OPERATIONS_WRITE = "operations:write"
    LEGAL_READ = "legal:read"
    LEGAL_WRITE = "legal:write"
    IT_READ = "it:read"
    IT_WRITE = "it:write"
    BOTS_RUN = "bots:run"
    AUTOMATION_WRITE = "automation:write"
    SECRETS_WRITE = "secrets:write"
    AUDIT_READ = "audit:read"
    KEYS_MANAGE = "keys:manage"


ALL_SCOPES = frozenset(Scope)
ANY_SCOPE = "*"  # on an API key: everything the key's role allows

_READS = frozenset(scope for scope in Scope if scope.value.endswith(":read") and scope is not Scope.AUDIT_READ)
_FRONT = {"crm", "sales", "marketing", "service"}
_BACK = {"hr", "finance", "operations", "legal", "it"}


def _area(scope: Scope) -> str:
    return scope.value.split(":")[0]


ROLE_SCOPES: dict[Role, frozenset[Scope]] = {
    Role.ADMIN: ALL_SCOPES,
    Role.FRONT_OFFICE: frozenset(
        {scope for scope in Scope if _area(scope) in _FRONT}
        | {Scope.FINANCE_READ, Scope.OPERATIONS_READ, Scope.LEGAL_READ, Scope.IT_READ}
    ),
    Role.BACK_OFFICE: frozenset(
        {scope for scope in Scope if _area(scope) in _BACK}
        | {Scope.CRM_READ, Scope.SALES_READ, Scope.SERVICE_READ, Scope.BOTS_RUN, Scope.AUTOMATION_WRITE}
    ),
    Role.READ_ONLY: _READS,
}


class UnknownScope(ValueError):
    pass


def parse_scopes(values: Iterable[str]) -> frozenset[str]:
    """Validate scope names from a key or a request; `*` stands for all the role allows."""
    parsed = set()
    for value in values:
        if value != ANY_SCOPE and value not in ALL_SCOPES:
            raise UnknownScope(f"unknown scope {value!r}")
        parsed.add(value)
    return frozenset(parsed)


def effective_scopes(
    role: Role, *, granted: Iterable[str] | None = None, partner_limit: Iterable[str] | None = None
) -> frozenset[Scope]:
    """The role's scopes, narrowed by what a key was granted and by the tenant's limit for partners."""
    scopes = set(ROLE_SCOPES[role])
    if granted is not None and ANY_SCOPE not in granted:
        scopes &= set(granted)
    if partner_limit is not None:
        scopes &= set(partner_limit)
    return frozenset(Scope(scope) for scope in scopes)


def scopes_beyond(held: Iterable[str], wanted: Iterable[str]) -> list[str]:
    """The scopes of `wanted` that `held` lacks, sorted (`*` wants every scope): what a caller holding
    `held` may not hand on, to a key it mints or to partner apps. Nobody gives away more than they have."""
    wanted = set(wanted)
    if ANY_SCOPE in wanted:
        wanted = (wanted - {ANY_SCOPE}) | set(ALL_SCOPES)
    return sorted(str(scope) for scope in wanted - set(held))
