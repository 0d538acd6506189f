"""The WriteLedger that commits each record to the database before the run goes on (see domain.bots.ledger)."""

from __future__ import annotations

import uuid
from typing import Any

from bots.errors import BotError, ErrorCode, InvalidParams
from bots.records import RunInfo
from bots.write_ledger import WriteIntent
from domain.bots import service as bots_service
from domain.bots.errors import BotsErrorCode
from domain.errors import DomainError
from tenants.context import tenant_transaction


def _wanted(intent: WriteIntent) -> bots_service.IntentInput:
    return bots_service.IntentInput(scope=intent.scope, key=intent.key, digest=intent.digest, summary=intent.summary)


def _as_bot_error(error: DomainError, intent: WriteIntent) -> BotError:
    if error.code is BotsErrorCode.WRITE_KEY_REUSED:
        return InvalidParams({intent.scope: error.message})
    # The ledger and the portal disagree, or another run is sending the same write: nobody knows the outcome yet.
    return BotError(ErrorCode.OUTCOME_UNKNOWN, error.message, details={"key": intent.key, "ledger": str(error.code)})


class DatabaseWriteLedger:
    def __init__(self, *, tenant_id: uuid.UUID, run_id: uuid.UUID) -> None:
        self.tenant_id = tenant_id
        self.run_id = run_id

    async def checked(self, run: RunInfo, intent: WriteIntent, found: dict[str, Any] | None) -> None:
        try:
            async with tenant_transaction(self.tenant_id):
                await bots_service.record_check(run_id=self.run_id, wanted=_wanted(intent), found=found)
        except DomainError as error:
            raise _as_bot_error(error, intent) from None

    async def before_submit(self, run: RunInfo, intent: WriteIntent) -> None:
        """Committed when this returns: a crash during the submit leaves the intent for the next attempt to see."""
        try:
            async with tenant_transaction(self.tenant_id):
                await bots_service.record_submit(run_id=self.run_id, wanted=_wanted(intent))
        except DomainError as error:
            raise _as_bot_error(error, intent) from None

    async def confirmed(self, run: RunInfo, intent: WriteIntent, confirmation: dict[str, Any]) -> None:
        async with tenant_transaction(self.tenant_id):
            await bots_service.confirm(run_id=self.run_id, wanted=_wanted(intent), confirmation=confirmation)

    async def refused(self, run: RunInfo, intent: WriteIntent) -> None:
        async with tenant_transaction(self.tenant_id):
            await bots_service.record_not_sent(run_id=self.run_id, wanted=_wanted(intent))
