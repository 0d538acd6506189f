"""Switches that make a sandbox portal misbehave the way real old portals do, and the middleware applying them."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Literal

from starlette.responses import HTMLResponse
from starlette.types import ASGIApp, Receive, Scope, Send

Failure = Literal["error", "hang"]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_PROBABILITIES = {"flaky", "flaky_hang"}


class SwitchError(ValueError):
    """A switch name or value the sandbox does not understand; the message says which."""


@dataclass
class Switches:
    """The misbehaviour of one portal app instance, changeable while it runs.

    `slow` seconds are added to every response; `flaky` is the probability of a 500 and
    `flaky_hang` the separate probability of hanging `hang_seconds` before answering;
    `maintenance` answers every page with 503; `layout_changed` renames the element ids, names
    and button labels the bots rely on. Failures are drawn from a `random.Random(seed)`, so a
    test with a fixed seed sees the same sequence every run.
    """

    slow: float = 0.0
    flaky: float = 0.0
    flaky_hang: float = 0.0
    hang_seconds: float = 120.0
    maintenance: bool = False
    layout_changed: bool = False
    seed: int = 0
    _random: random.Random = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)

    def set(self, **values: object) -> None:
        """Change some switches; values may be typed or strings as they come from a form. Setting `seed` reseeds."""
        parsed = {name: self._parse(name, value) for name, value in values.items()}
        for name, value in parsed.items():
            setattr(self, name, value)
        if "seed" in parsed:
            self._random = random.Random(self.seed)

    def reset(self) -> None:
        """Every switch back to normal behaviour, and the failure sequence restarted from the seed."""
        for switch in self.names():
            if switch != "seed":
                setattr(self, switch, type(self).__dataclass_fields__[switch].default)
        self._random = random.Random(self.seed)

    def as_dict(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.names()}

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls) if not f.name.startswith("_")]

    def draw_failure(self) -> Failure | None:
        """Whether the next request fails, decided by the seeded generator."""
        if not (self.flaky or self.flaky_hang):
            return None
        # Both numbers are always drawn so one probability does not shift the other's sequence.
        error_roll, hang_roll = self._random.random(), self._random.random()
        if error_roll < self.flaky:
            return "error"
        if hang_roll < self.flaky_hang:
            return "hang"
        return None

    def _parse(self, name: str, value: object) -> object:
        if name not in self.names():
            raise SwitchError(f"unknown switch {name!r}; known switches: {', '.join(self.names())}")
        kind = type(self).__dataclass_fields__[name].default.__class__
        try:
            if kind is bool:
                return _parse_bool(value)
            if kind is int:
                return int(str(value))
            number = float(str(value))
        except ValueError:
            raise SwitchError(f"switch {name!r} cannot be {value!r}") from None
        if number < 0 or (name in _PROBABILITIES and number > 1):
            limits = "between 0 and 1" if name in _PROBABILITIES else "zero or more"
            raise SwitchError(f"switch {name!r} must be {limits}, not {value!r}")
        return number


def _parse_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(text)


class SwitchesMiddleware:
    """Applies a portal's switches to every request except those under `exempt_prefix` (the admin routes)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        switches: Switches,
        exempt_prefix: str,
        maintenance_page: Callable[[], str],
        error_page: Callable[[], str],
    ) -> None:
        self.app = app
        self.switches = switches
        self.exempt_prefix = exempt_prefix
        self.maintenance_page = maintenance_page
        self.error_page = error_page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or _route_path(scope).startswith(self.exempt_prefix):
            await self.app(scope, receive, send)
            return
        switches = self.switches
        if switches.slow:
            await asyncio.sleep(switches.slow)
        if switches.maintenance:
            page = HTMLResponse(self.maintenance_page(), status_code=503, headers={"Retry-After": "3600"})
            await page(scope, receive, send)
            return
        failure = switches.draw_failure()
        if failure == "error":
            await HTMLResponse(self.error_page(), status_code=500)(scope, receive, send)
            return
        if failure == "hang":
            await asyncio.sleep(switches.hang_seconds)
        await self.app(scope, receive, send)


def _route_path(scope: Mapping) -> str:
    """The path inside this app, without the prefix it is mounted under."""
    path, root_path = scope["path"], scope.get("root_path", "")
    return path[len(root_path) :] if root_path and path.startswith(root_path) else path
