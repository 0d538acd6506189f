"""The element ids, field names and button labels a portal's pages use, in the normal and the changed layout."""

from __future__ import annotations

from collections.abc import Mapping


class ElementNames:
    """A portal's renames for the `layout_changed` switch: normal name or label -> changed one.

    Anything not listed keeps its normal name in both layouts. Pages render with the current
    layout's names and form handlers read fields by the same names, so a bot still using the
    old ids fails the way it would against a real portal's redesign.
    """

    def __init__(self, *renames: Mapping[str, str]) -> None:
        self._renames: dict[str, str] = {}
        for mapping in renames:
            self._renames.update(mapping)

    def in_layout(self, *, changed: bool) -> ElementNamer:
        return ElementNamer(self._renames if changed else {})

    @property
    def renames(self) -> Mapping[str, str]:
        return dict(self._renames)


class ElementNamer:
    """Gives the current name of an element, by its normal name: `name("username")`."""

    def __init__(self, renames: Mapping[str, str]) -> None:
        self._renames = renames

    def __call__(self, normal: str) -> str:
        return self._renames.get(normal, normal)


# Every portal has the same login form and logout link.
LOGIN_RENAMES = {
    "username": "user-login-field",
    "password": "user-password-field",
    "login-button": "sign-in-button",
    "Log in": "Sign in",
    "logout-link": "sign-out-link",
}
