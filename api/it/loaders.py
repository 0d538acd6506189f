"""IT DataLoaders: a page of assets loads its assignment histories in one query."""

from __future__ import annotations

import uuid

from api.context import Info
from api.loaders import by_id, grouped, loader_for
from domain.it import lookups as it_lookups
from domain.it import service as it_service
from domain.it.models import Asset, AssetAssignment


def asset_by_id(info: Info):
    async def batch(asset_ids: list[uuid.UUID]) -> list[Asset | None]:
        return by_id(await it_service.list_assets().filter(id__in=asset_ids), asset_ids)

    return loader_for(info, "it.asset_by_id", batch)


def assignments_by_asset(info: Info):
    async def batch(asset_ids: list[uuid.UUID]) -> list[list[AssetAssignment]]:
        rows = await it_lookups.assignments_of_assets(asset_ids=asset_ids)
        return grouped(rows, asset_ids, lambda row: row.asset_id)

    return loader_for(info, "it.assignments_by_asset", batch)
