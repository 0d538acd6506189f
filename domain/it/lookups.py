"""IT batch reads: the assignment histories of many assets in one query (what the graph's DataLoaders call)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from tortoise.queryset import QuerySet

from domain.it.models import AssetAssignment
from tenants.ownership import scoped


def assignments_of_assets(*, asset_ids: Sequence[uuid.UUID] | None = None) -> QuerySet[AssetAssignment]:
    """Asset assignments, each asset's oldest first, optionally of some assets."""
    query = scoped(AssetAssignment)
    if asset_ids is not None:
        query = query.filter(asset_id__in=list(asset_ids))
    return query.order_by("assigned_on", "created_at", "id")
