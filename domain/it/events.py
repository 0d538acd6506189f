"""IT domain events."""

from __future__ import annotations

from typing import Any

from domain.it.models import Asset, SupportRequest
from domain.outbox.payloads import payload

ASSET_ASSIGNED = "it.asset_assigned"
ASSET_RETURNED = "it.asset_returned"
SUPPORT_REQUEST_OPENED = "it.support_request_opened"
SUPPORT_REQUEST_UPDATED = "it.support_request_updated"


def asset_holder(asset: Asset, *, employee_id: object) -> dict[str, Any]:
    return payload(asset_id=asset.id, asset_tag=asset.asset_tag, status=asset.status, employee_id=employee_id)


def support_request_state(request: SupportRequest) -> dict[str, Any]:
    return payload(
        support_request_id=request.id,
        number=request.number,
        requester_id=request.requester_id,
        asset_id=request.asset_id,
        priority=request.priority,
        status=request.status,
        assignee_id=request.assignee_id,
    )
