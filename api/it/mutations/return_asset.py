"""returnAsset"""

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
class ReturnAssetInput:
    asset_id: strawberry.ID
    on: date | None = None
    to_repair: bool = strawberry.field(default=False, description="true: the asset goes to repair instead of back into stock.")


@strawberry.type
class ReturnAssetPayload:
    asset: AssetNode | None
    user_errors: list[UserError]


async def return_asset(input: ReturnAssetInput) -> ReturnAssetPayload:
    try:
        async with in_transaction():
            asset = await it_service.return_asset(
                asset_id=decode_input_id(input.asset_id, expected_type="Asset", field="asset_id"), on=input.on, to_repair=input.to_repair
            )
    except DomainError as error:
        return ReturnAssetPayload(asset=None, user_errors=[user_error(error)])
    return ReturnAssetPayload(asset=AssetNode.from_model(asset), user_errors=[])
