"""retireAsset"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.it.types import AssetNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.it import service as it_service


@strawberry.input
class RetireAssetInput:
    asset_id: strawberry.ID


@strawberry.type
class RetireAssetPayload:
    asset: AssetNode | None
    user_errors: list[UserError]


async def retire_asset(input: RetireAssetInput) -> RetireAssetPayload:
    try:
        async with in_transaction():
            asset = await it_service.retire_asset(asset_id=decode_input_id(input.asset_id, expected_type="Asset", field="asset_id"))
    except DomainError as error:
        return RetireAssetPayload(asset=None, user_errors=[user_error(error)])
    return RetireAssetPayload(asset=AssetNode.from_model(asset), user_errors=[])
