"""Four eyes before money moves: which bots need a second person's approval of exactly what they send."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bots.bank.params import SubmitPaymentParams
from bots.bot_definition import BotParams
from domain.finance import service as finance_service


async def _payment_approved(params: BotParams) -> None:
    assert isinstance(params, SubmitPaymentParams)
    await finance_service.approved_payment_order(
        idempotency_key=params.idempotency_key, iban=params.iban, amount=params.amount, currency=params.currency,
        field="params.idempotency_key",
    )


APPROVAL_CHECKS: dict[str, Callable[[BotParams], Awaitable[None]]] = {"bank.submit_payment": _payment_approved}


async def require_approval(bot: str, params: BotParams) -> None:
    """DomainError unless a second person with finance:approve approved exactly this payment (for bots that move money)."""
    check = APPROVAL_CHECKS.get(bot)
    if check is not None:
        await check(params)


async def after_success(bot: str, params: BotParams, result: object) -> None:
    """A paid order is marked submitted with the bank's payment id."""
    if bot == "bank.submit_payment" and isinstance(params, SubmitPaymentParams):
        await finance_service.mark_payment_submitted(
            idempotency_key=params.idempotency_key, bank_payment_id=getattr(result, "payment_id", None) or ""
        )
