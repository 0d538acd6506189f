"""Legal enums in the graph: the domain's own enums, so a value means the same on both sides."""

from __future__ import annotations

import strawberry

from domain.legal import models

ContractStatus = strawberry.enum(models.ContractStatus, name="ContractStatus", description="Whether a contract runs, will end, or has ended.")
PartyKind = strawberry.enum(models.PartyKind, name="ContractPartyKind", description="Who a contract binds.")
ObligationStatus = strawberry.enum(models.ObligationStatus, name="ObligationStatus", description="Whether an obligation is still to be met.")
