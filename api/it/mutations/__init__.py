"""IT mutations, one per module."""

import strawberry

from api.it.mutations.assign_asset import AssignAssetPayload, assign_asset
from api.it.mutations.assign_support_request import AssignSupportRequestPayload, assign_support_request
from api.it.mutations.change_support_request_status import ChangeSupportRequestStatusPayload, change_support_request_status
from api.it.mutations.mark_asset_repaired import MarkAssetRepairedPayload, mark_asset_repaired
from api.it.mutations.open_support_request import OpenSupportRequestPayload, open_support_request
from api.it.mutations.register_asset import RegisterAssetPayload, register_asset
from api.it.mutations.retire_asset import RetireAssetPayload, retire_asset
from api.it.mutations.return_asset import ReturnAssetPayload, return_asset
from api.permissions import Requires
from tenants.permissions import Scope

IT_WRITE = [Requires(Scope.IT_WRITE)]


@strawberry.type
class ItMutation:
    register_asset: RegisterAssetPayload = strawberry.mutation(
        resolver=register_asset, permission_classes=IT_WRITE, description="Add an asset to stock."
    )
    assign_asset: AssignAssetPayload = strawberry.mutation(
        resolver=assign_asset, permission_classes=IT_WRITE, description="Hand an asset in stock to an active employee."
    )
    return_asset: ReturnAssetPayload = strawberry.mutation(
        resolver=return_asset, permission_classes=IT_WRITE, description="Take an asset back from its holder, into stock or repair."
    )
    mark_asset_repaired: MarkAssetRepairedPayload = strawberry.mutation(
        resolver=mark_asset_repaired, permission_classes=IT_WRITE, description="Put a repaired asset back in stock."
    )
    retire_asset: RetireAssetPayload = strawberry.mutation(
        resolver=retire_asset, permission_classes=IT_WRITE, description="Retire an asset that nobody holds."
    )
    open_support_request: OpenSupportRequestPayload = strawberry.mutation(
        resolver=open_support_request, permission_classes=IT_WRITE, description="Record an employee's request for IT help."
    )
    assign_support_request: AssignSupportRequestPayload = strawberry.mutation(
        resolver=assign_support_request, permission_classes=IT_WRITE, description="Give a request to an IT employee."
    )
    change_support_request_status: ChangeSupportRequestStatusPayload = strawberry.mutation(
        resolver=change_support_request_status, permission_classes=IT_WRITE,
        description="Move a request along: open, in progress, resolved (with a resolution), closed.",
    )
