"""Legal DataLoaders: a page of contracts loads its parties and obligations in one query each."""

from __future__ import annotations

import uuid

from api.context import Info
from api.loaders import by_id, grouped, loader_for
from domain.legal import lookups as legal_lookups
from domain.legal import service as legal_service
from domain.legal.models import Contract, ContractParty, Obligation


def contract_by_id(info: Info):
    async def batch(contract_ids: list[uuid.UUID]) -> list[Contract | None]:
        return by_id(await legal_service.list_contracts().filter(id__in=contract_ids), contract_ids)

    return loader_for(info, "legal.contract_by_id", batch)


def parties_by_contract(info: Info):
    async def batch(contract_ids: list[uuid.UUID]) -> list[list[ContractParty]]:
        rows = await legal_lookups.parties_of_contracts(contract_ids=contract_ids)
        return grouped(rows, contract_ids, lambda row: row.contract_id)

    return loader_for(info, "legal.parties_by_contract", batch)


def obligations_by_contract(info: Info):
    async def batch(contract_ids: list[uuid.UUID]) -> list[list[Obligation]]:
        rows = await legal_service.list_obligations().filter(contract_id__in=contract_ids)
        return grouped(rows, contract_ids, lambda row: row.contract_id)

    return loader_for(info, "legal.obligations_by_contract", batch)
