"""assignAsset"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.it.types import AssetNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.it import service as it_service


@strawberry.input
class AssignAssetInput:
    asset_id: strawberry.ID
    employee_id: strawberry.ID
    on: date | None = None


@strawberry.type
class AssignAssetPayload:
    asset: AssetNode | None
    user_errors: list[UserError]


async def assign_asset(input: AssignAssetInput) -> AssignAssetPayload:
    try:
        async with in_transaction():
            asset_id = decode_input_id(input.asset_id, expected_type="Asset", field="asset_id")
            await it_service.assign_asset(
                asset_id=asset_id, employee_id=decode_input_id(input.employee_id, expected_type="Employee", field="employee_id"), on=input.on
            )
            asset = await it_service.get_asset_or_raise(asset_id=asset_id)
    except DomainError as error:
        return AssignAssetPayload(asset=None, user_errors=[user_error(error)])
    return AssignAssetPayload(asset=AssetNode.from_model(asset), user_errors=[])
