"""Declared permissions: `permission_classes=[Requires(Scope.FINANCE_WRITE)]` on a field or mutation."""

from __future__ import annotations

from typing import Any

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
        _cache[wanted] = _Requires
    return _cache[wanted]
