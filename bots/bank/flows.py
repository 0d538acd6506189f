"""The bank bots: `bank.download_statements` and `bank.submit_payment` (exactly once per idempotency key)."""

from __future__ import annotations

from bots.bank.login import log_in, one_time_code
from bots.bank.pages import (
    AccountsPage,
    AuthorisePaymentPage,
    PaymentConfirmation,
    PaymentFormPage,
    PaymentListing,
    PaymentPage,
    PaymentReviewPage,
    PaymentsPage,
    StatementPage,
)
from bots.bank.params import (
    DownloadStatementsParams,
    PaymentSubmitted,
    StatementsDownloaded,
    SubmitPaymentParams,
)
from bots.bank.statement_csv import read_statement_csv
from bots.credentials import PortalCredentials
from bots.errors import InvalidParams, PortalAuthFailed, PortalLayoutChanged
from bots.records import Artifact
from bots.run import BotRun

PAYMENT_CODE_PROMPT = (
    "The bank asks for the one-time code from the authenticator app of {username} to authorise a payment."
)
REFUSED_CODE_PROMPT = "The bank refused the one-time code for the payment. Enter the code the bank now asks for."


async def download_statements(
    run: BotRun, portal_url: str, credentials: PortalCredentials, params: DownloadStatementsParams
) -> StatementsDownloaded:
    await run.step("login", lambda: log_in(run, portal_url, credentials), idempotent=True)
    account = await run.step(
        "choose account", lambda: AccountsPage(run, portal_url).choose_account(params.account_iban), idempotent=True
    )

    async def download() -> tuple[Artifact, int]:
        statement = StatementPage(run, portal_url)
        count = await statement.show_period(account.iban, date_from=params.date_from, date_to=params.date_to)
        return await run.keep_download(await statement.download_csv()), count

    csv_file, shown_count = await run.step("download statement", download, idempotent=True)
    lines = read_statement_csv(csv_file.path)
    if len(lines) != shown_count:
        raise PortalLayoutChanged(
            "#page-info",
            page="bank statement",
            message=f"The statement page counts {shown_count} transactions but its CSV holds {len(lines)}.",
        )
    return StatementsDownloaded(
        iban=account.iban,
        account_name=account.name,
        currency=account.currency,
        date_from=params.date_from,
        date_to=params.date_to,
        csv=csv_file,
        lines=lines,
    )


async def submit_payment(
    run: BotRun, portal_url: str, credentials: PortalCredentials, params: SubmitPaymentParams
) -> PaymentSubmitted:
    """Pay once: a payment whose reference carries the idempotency key is found and returned, not made again.

    The runner allows one session per bank login at a time, so no second run of this bot can slip
    between the check and the payment.
    """
    reference = params.portal_reference
    intent = params.write_intent()
    await run.step("login", lambda: log_in(run, portal_url, credentials), idempotent=True)
    earlier = await run.step(
        "find earlier payment",
        lambda: PaymentsPage(run, portal_url).find_by_reference_tag(params.idempotency_tag),
        idempotent=True,
    )
    if earlier:
        paid = _already_paid(earlier[0], params)
        await run.portal_checked(intent, found={"payment_id": paid.payment_id, "status": paid.status})
        return paid
    await run.portal_checked(intent, found=None)

    async def enter() -> str:
        from_account = await AccountsPage(run, portal_url).choose_account(params.from_account, currency=params.currency)
        return await PaymentFormPage(run, portal_url).enter_payment(
            from_iban=from_account.iban,
            beneficiary=params.beneficiary,
            iban=params.iban,
            amount=params.amount,
            currency=params.currency,
            reference=reference,
        )

    draft_path = await run.step("enter payment", enter, idempotent=True)
    authorise_path = await run.step(
        "review payment",
        lambda: PaymentReviewPage(run, portal_url).confirm(
            draft_path, iban=params.iban, amount=params.amount, currency=params.currency, reference=reference
        ),
        idempotent=True,
    )
    confirmation = await run.step(
        "authorise payment", lambda: _authorise(run, portal_url, credentials, authorise_path, params), screenshot=True
    )
    return PaymentSubmitted(
        payment_id=confirmation.payment_id,
        status=confirmation.status,
        beneficiary=params.beneficiary,
        iban=params.iban,
        amount=params.amount,
        currency=params.currency,
        reference=reference,
        already_submitted=False,
    )


async def _authorise(
    run: BotRun, portal_url: str, credentials: PortalCredentials, authorise_path: str, params: SubmitPaymentParams
) -> PaymentConfirmation:
    page = AuthorisePaymentPage(run, portal_url)
    await page.open_draft(authorise_path)
    code = await one_time_code(run, credentials, prompt=PAYMENT_CODE_PROMPT)
    async with run.exactly_once(
        params.write_intent(),
        what=f"The payment of {params.amount} {params.currency} to {params.beneficiary}",
        how_to_retry=f"Submit it again with idempotency key {params.idempotency_key}: "
        "the bot looks for it before paying.",
        details={"idempotency_key": params.idempotency_key, "reference": params.portal_reference},
    ) as written:
        accepted = await page.authorise(code)
        if not accepted:
            # A computed code at the edge of its window, or a bank that wants another code: a human knows.
            accepted = await page.authorise(await run.ask_for_input(REFUSED_CODE_PROMPT))
        if not accepted:
            raise PortalAuthFailed("The bank refused the one-time code for the payment; no payment was made.")
        confirmation = await PaymentPage(run, portal_url).read_confirmation()
        written.confirm(payment_id=confirmation.payment_id, status=confirmation.status)
        return confirmation


def _already_paid(payment: PaymentListing, params: SubmitPaymentParams) -> PaymentSubmitted:
    if (payment.beneficiary_iban, payment.amount, payment.currency) != (params.iban, params.amount, params.currency):
        raise InvalidParams(
            {
                "idempotency_key": f"already used for payment {payment.payment_id} of {payment.amount} "
                f"{payment.currency} to {payment.beneficiary_iban}, a different payment"
            }
        )
    return PaymentSubmitted(
        payment_id=payment.payment_id,
        status=payment.status,
        beneficiary=payment.beneficiary,
        iban=payment.beneficiary_iban,
        amount=payment.amount,
        currency=payment.currency,
        reference=payment.reference,
        already_submitted=True,
    )
