"""The bank's accounts overview."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bots.errors import PortalRejected
from bots.page_object import Element, PortalPage
from bots.portal_values import compact_iban, read_amount


@dataclass(frozen=True)
class AccountSummary:
    name: str
    iban: str  # compact, no spaces
    currency: str
    balance: Decimal
    available: Decimal


class AccountsPage(PortalPage):
    title = "bank accounts"
    path = "/accounts"

    accounts_table = Element("#accounts-table")

    async def list_accounts(self) -> list[AccountSummary]:
        await self.open()
        return [
            AccountSummary(
                name=cells[0],
                iban=compact_iban(cells[1]),
                currency=cells[2],
                balance=read_amount(cells[3], where="#accounts-table balance"),
                available=read_amount(cells[4], where="#accounts-table available"),
            )
            for cells in await self.accounts_table.table_rows()
            if len(cells) >= 5
        ]

    async def choose_account(self, iban: str | None = None, *, currency: str | None = None) -> AccountSummary:
        """The account with `iban`; without one, the first account (in `currency`, when given)."""
        accounts = await self.list_accounts()
        for account in accounts:
            if (iban is None or account.iban == iban) and (currency is None or account.currency == currency):
                return account
        wanted = f"IBAN {iban}" if iban else f"currency {currency}" if currency else "any account"
        raise PortalRejected(f"The bank shows no account with {wanted}.", details={"iban": iban or ""})
