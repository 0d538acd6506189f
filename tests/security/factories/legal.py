"""Attack-suite factories for the legal area's Node types."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from domain.crm import service as crm_service
from domain.legal import lookups as legal_lookups
from domain.legal import service as legal_service
from domain.legal.models import PartyKind


async def _contract(marker: str, label: str):
    customer = await crm_service.create_customer(name=f"{marker} {label} customer")
    parties = [
        legal_service.PartyInput(kind=PartyKind.CUSTOMER, customer_id=customer.id, role="client"),
        legal_service.PartyInput(kind=PartyKind.OTHER, name=f"{marker} {label} guarantor"),
    ]
    return await legal_service.create_contract(
        title=f"{marker} {label}", value=Decimal("12000"), currency="EUR", start_date=date(2024, 1, 1), term_months=12,
        notice_period_days=30, parties=parties,
    )


async def contract(marker: str) -> uuid.UUID:
    return (await _contract(marker, "Contract")).id


async def contract_party(marker: str) -> uuid.UUID:
    signed = await _contract(marker, "Party")
    return (await legal_lookups.parties_of_contracts(contract_ids=[signed.id]))[0].id


async def obligation(marker: str) -> uuid.UUID:
    signed = await _contract(marker, "Obligation")
    return (await legal_service.add_obligation(contract_id=signed.id, description=f"{marker} deliver report", due_date=date(2024, 6, 30))).id


FACTORIES = {"Contract": contract, "ContractParty": contract_party, "Obligation": obligation}
