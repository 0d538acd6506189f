"""Writes that must happen exactly once (a payment, a filing, an order) and the ledger that records them.

A bot describes such a write as a `WriteIntent` (scope, key, what is sent). Before sending it the
bot reads the portal's state for the key and reports it (`BotRun.portal_checked`); then it sends it
inside `BotRun.exactly_once`, which records the intent in the run's `WriteLedger` BEFORE the
submit and the portal's confirmation after it. The persisted ledger (bots.persisted) commits each
record to the database, so after a crash, a redelivery or a retry the next attempt knows a submit
may have happened, reads the portal, and never sends twice.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Protocol

from bots.records import RunInfo, jsonable


@dataclass(frozen=True)
class WriteIntent:
    scope: str  # "bank.payment", "tax.vat_return", "supplier.purchase_order"
    key: str  # the same for every attempt at the same write
    summary: dict[str, Any] = field(default_factory=dict)  # what is sent, JSON-able, never secrets

    @property
    def digest(self) -> str:
        """Identifies what is sent: the same key for a different write has another digest."""
        return hashlib.sha256(json.dumps(jsonable(self.summary), sort_keys=True).encode()).hexdigest()

    @property
    def subject(self) -> str:
        return f"{self.scope}:{self.key}"


class WriteLedger(Protocol):
    """Where a run records its exactly-once writes. Each method may raise a BotError to stop the run."""

    async def checked(self, run: RunInfo, intent: WriteIntent, found: dict[str, Any] | None) -> None:
        """The bot read the portal: `found` is what it shows for the key (None: nothing)."""

    async def before_submit(self, run: RunInfo, intent: WriteIntent) -> None:
        """Record the intent; it must be durable when this returns, because the submit follows."""

    async def confirmed(self, run: RunInfo, intent: WriteIntent, confirmation: dict[str, Any]) -> None: ...

    async def refused(self, run: RunInfo, intent: WriteIntent) -> None:
        """The portal refused the write: nothing was sent."""


class UnrecordedLedger:
    """Phase 1's behaviour, for runs without a database: the bot's own check before the write is all there is."""

    async def checked(self, run: RunInfo, intent: WriteIntent, found: dict[str, Any] | None) -> None:
        return None

    async def before_submit(self, run: RunInfo, intent: WriteIntent) -> None:
        return None

    async def confirmed(self, run: RunInfo, intent: WriteIntent, confirmation: dict[str, Any]) -> None:
        return None

    async def refused(self, run: RunInfo, intent: WriteIntent) -> None:
        return None
