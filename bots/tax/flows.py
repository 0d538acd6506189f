"""The tax bot: `tax.file_vat_return` files a monthly VAT return and keeps the receipt PDF.

Filing twice is impossible on the portal, and a retry must not fail for that reason: the bot
first looks for a return already filed for the period (an earlier run whose answer was lost)
and, if the amounts agree, only fetches its receipt.
"""

from __future__ import annotations

from bots.credentials import PortalCredentials
from bots.errors import PortalRejected
from bots.run import BotRun
from bots.tax.pages import (
    FiledReturnsPage,
    Receipt,
    TaxLoginPage,
    VatAmountsPage,
    VatConfirmationPage,
    VatPeriodPage,
    VatReviewPage,
)
from bots.tax.params import FileVatReturnParams, VatReturnFiled


async def file_vat_return(
    run: BotRun, portal_url: str, credentials: PortalCredentials, params: FileVatReturnParams
) -> VatReturnFiled:
    intent = params.write_intent()
    await run.step("login", lambda: TaxLoginPage(run, portal_url).log_in(credentials), idempotent=True)
    filed = await run.step(
        "find filed return", lambda: FiledReturnsPage(run, portal_url).find_return(params.period), idempotent=True
    )
    if filed is not None:
        if filed.net_payable != params.net_payable:
            raise PortalRejected(
                f"A return for {params.period} was already filed with net VAT {filed.net_payable} "
                f"(receipt {filed.receipt_number}), not {params.net_payable}.",
                details={"receipt_number": filed.receipt_number},
            )
        receipt_number, net_payable, filed_at = filed.receipt_number, filed.net_payable, filed.filed_at
        await run.portal_checked(intent, found={"receipt_number": receipt_number, "filed_at": filed_at})
    else:
        await run.portal_checked(intent, found=None)
        await run.step(
            "enter period",
            lambda: VatPeriodPage(run, portal_url).start_return(period=params.period, vat_number=params.vat_number),
            idempotent=True,
        )
        await run.step(
            "enter amounts",
            lambda: VatAmountsPage(run, portal_url).enter_amounts(
                period=params.period, output_vat=params.output_vat, input_vat=params.input_vat
            ),
            idempotent=True,
        )
        receipt = await run.step("submit return", lambda: _submit(run, portal_url, params), screenshot=True)
        receipt_number, net_payable, filed_at = receipt.receipt_number, receipt.net_payable, receipt.filed_at
    download = await run.step(
        "download receipt",
        lambda: VatConfirmationPage(run, portal_url).download_receipt(receipt_number),
        idempotent=True,
    )
    receipt_pdf = await run.keep_download(download)
    return VatReturnFiled(
        period=params.period,
        vat_number=params.vat_number,
        receipt_number=receipt_number,
        net_payable=net_payable,
        filed_at=filed_at,
        receipt_pdf=receipt_pdf,
        already_filed=filed is not None,
    )


async def _submit(run: BotRun, portal_url: str, params: FileVatReturnParams) -> Receipt:
    review = VatReviewPage(run, portal_url)
    await review.check_net_payable(params.net_payable)
    async with run.exactly_once(
        params.write_intent(),
        what=f"The VAT return for {params.period}",
        how_to_retry="Run the bot again: it looks for the filed return before filing.",
        details={"period": params.period},
    ) as written:
        await review.submit_return()
        receipt = await VatConfirmationPage(run, portal_url).read_receipt()
        written.confirm(receipt_number=receipt.receipt_number, filed_at=receipt.filed_at)
        return receipt
