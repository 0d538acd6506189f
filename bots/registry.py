"""The bots Concord can run, by name. The names are part of the API (GraphQL, CLI, stored runs)."""

from __future__ import annotations

from bots.bank import (
    DownloadStatementsParams,
    PaymentSubmitted,
    StatementsDownloaded,
    SubmitPaymentParams,
    download_statements,
    submit_payment,
)
from bots.bot_definition import BotDefinition, BotRegistry
from bots.canary import canary_definitions
from bots.supplier import PurchaseOrderInvoiced, SubmitPurchaseOrderParams, submit_purchase_order
from bots.tax import FileVatReturnParams, VatReturnFiled, file_vat_return

BOTS = (
    BotDefinition(
        name="tax.file_vat_return",
        portal="tax",
        run=file_vat_return,
        params=FileVatReturnParams,
        result=VatReturnFiled,
        description="File a monthly VAT return and keep the receipt PDF.",
    ),
    BotDefinition(
        name="bank.download_statements",
        portal="bank",
        run=download_statements,
        params=DownloadStatementsParams,
        result=StatementsDownloaded,
        description="Download an account's statement for a date range as CSV, and read its lines.",
    ),
    BotDefinition(
        name="bank.submit_payment",
        portal="bank",
        run=submit_payment,
        params=SubmitPaymentParams,
        result=PaymentSubmitted,
        description="Pay a beneficiary exactly once per idempotency key.",
    ),
    BotDefinition(
        name="supplier.submit_purchase_order",
        portal="supplier",
        run=submit_purchase_order,
        params=SubmitPurchaseOrderParams,
        result=PurchaseOrderInvoiced,
        description="Place a purchase order, wait until it is invoiced, and keep the invoice PDF.",
    ),
)


def default_registry() -> BotRegistry:
    """A registry with Concord's bots and a canary per portal; each call gives a new one, so adding a bot to it changes no other."""
    return BotRegistry([*BOTS, *canary_definitions()])
