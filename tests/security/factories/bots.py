"""Attack-suite factories for the bots' Node types."""

from __future__ import annotations

import uuid

from domain.bots import service as bots_service
from domain.finance import service as finance_service


async def bot_run(marker: str) -> uuid.UUID:
    run = await bots_service.create_run(
        bot="bank.download_statements", portal="bank", params={"date_from": "2026-01-01", "date_to": "2026-01-31"},
        started_by=f"user:{marker}",
    )
    return run.id


async def outgoing_payment(marker: str) -> uuid.UUID:
    order = await finance_service.request_payment(
        beneficiary=f"{marker} Supplier", iban="NL91ABNA0417164300", amount="10.00", currency="EUR", requested_by=f"user:{marker}"
    )
    return order.id


FACTORIES = {"BotRun": bot_run, "OutgoingPayment": outgoing_payment}
