"""Which automations react to which domain events.

An automation is an async function `run(*, event_id, event_type, payload)` that runs inside a
transaction of the event's tenant; `@automation("deal_won_to_sales_order", on=["sales.deal_won"])`
registers it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

Run = Callable[..., Awaitable[Any]]


@dataclass(frozen=True)
class Automation:
    name: str
    event_types: frozenset[str]
    run: Run


_AUTOMATIONS: dict[str, Automation] = {}


def automation(name: str, *, on: Iterable[str]) -> Callable[[Run], Run]:
    def register(run: Run) -> Run:
        if name in _AUTOMATIONS and _AUTOMATIONS[name].run is not run:
            raise ValueError(f"automation {name!r} is registered twice")
        _AUTOMATIONS[name] = Automation(name=name, event_types=frozenset(on), run=run)
        return run

    return register


def handlers_for(event_type: str) -> list[Automation]:
    return [item for item in _AUTOMATIONS.values() if event_type in item.event_types]


def handler_named(name: str) -> Automation:
    try:
        return _AUTOMATIONS[name]
    except KeyError:
        raise LookupError(f"no automation named {name!r}") from None


def registered() -> list[Automation]:
    return sorted(_AUTOMATIONS.values(), key=lambda item: item.name)
