"""registerAsset"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.it.enums import AssetKind
from api.it.types import AssetNode
from domain.errors import DomainError
from domain.it import service as it_service


@strawberry.input
class RegisterAssetInput:
    asset_tag: str
    name: str
    kind: AssetKind
    serial_number: str | None = None
    purchased_on: date | None = None
    purchase_cost: Decimal | None = None
    currency: str | None = strawberry.field(default=None, description="Required with a purchase cost.")


@strawberry.type
class RegisterAssetPayload:
    asset: AssetNode | None
    user_errors: list[UserError]


async def register_asset(input: RegisterAssetInput) -> RegisterAssetPayload:
    try:
        async with in_transaction():
            asset = await it_service.register_asset(
                asset_tag=input.asset_tag, name=input.name, kind=input.kind, serial_number=input.serial_number,
                purchased_on=input.purchased_on, purchase_cost=input.purchase_cost, currency=input.currency,
            )
    except DomainError as error:
        return RegisterAssetPayload(asset=None, user_errors=[user_error(error)])
    return RegisterAssetPayload(asset=AssetNode.from_model(asset), user_errors=[])
