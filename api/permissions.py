"""Declared permissions: `permission_classes=[Requires(Scope.FINANCE_WRITE)]` on a field or mutation, and
`cross_area_field(Scope.FINANCE_READ, ...)` on a field whose value comes from another business area."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.permission import BasePermission

from tenants.permissions import Scope

_cache: dict[frozenset[Scope], type[BasePermission]] = {}


def Requires(*scopes: Scope) -> type[BasePermission]:  # noqa: N802 - reads as a declaration
    """A permission class admitting principals that hold every one of `scopes`; FORBIDDEN otherwise."""
    wanted = frozenset(scopes)
    if wanted not in _cache:
        names = ", ".join(sorted(wanted))

        class _Requires(BasePermission):
            message = f"requires scope {names}"
            error_extensions = {"code": "FORBIDDEN"}

            def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
                principal = getattr(info.context, "principal", None)
                return principal is not None and wanted <= principal.scopes

        _Requires.__name__ = f"Requires({names})"
        _Requires.scopes = wanted  # what the schema-wide scope tests read
        _cache[wanted] = _Requires
    return _cache[wanted]


def cross_area_field(scope: Scope, description: str, **options: Any) -> Any:
    """A field whose value comes from another area (a customer's invoices, a deal's customer, a customer's
    outstanding balance): it needs that area's `scope`, and its description ends by saying so.

    A caller without the scope gets this field alone as FORBIDDEN; the field must be nullable, so that it
    is null and the rest of the object still answers. The check is one permission class per resolution of
    the field, before its resolver (and its loader) runs. Use as `@cross_area_field(Scope.CRM_READ, "Who is billed.")`.
    """
    return strawberry.field(
        permission_classes=[Requires(scope)], description=f"{description.removesuffix('.')} (needs {scope}).", **options
    )
