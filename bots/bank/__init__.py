"""The bank bots: page objects in `pages/`, the bots in `flows.py`."""

from bots.bank.flows import download_statements, submit_payment
from bots.bank.params import (
    DownloadStatementsParams,
    PaymentSubmitted,
    StatementLine,
    StatementsDownloaded,
    SubmitPaymentParams,
)

__all__ = [
    "DownloadStatementsParams",
    "PaymentSubmitted",
    "StatementLine",
    "StatementsDownloaded",
    "SubmitPaymentParams",
    "download_statements",
    "submit_payment",
]
