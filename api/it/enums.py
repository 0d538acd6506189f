"""IT enums in the graph: the domain's own enums, so a value means the same on both sides."""

from __future__ import annotations

import strawberry

from domain.it import models

AssetKind = strawberry.enum(models.AssetKind, name="AssetKind", description="What kind of equipment or licence.")
AssetStatus = strawberry.enum(models.AssetStatus, name="AssetStatus", description="Where an asset is: in stock, with someone, in repair, retired.")
RequestPriority = strawberry.enum(models.RequestPriority, name="SupportRequestPriority", description="How urgent an IT support request is.")
SupportRequestStatus = strawberry.enum(models.SupportRequestStatus, name="SupportRequestStatus", description="Where an IT support request stands.")
