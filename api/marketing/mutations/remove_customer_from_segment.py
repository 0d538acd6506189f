"""removeCustomerFromSegment"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.marketing.types import SegmentNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.marketing import service as marketing_service


@strawberry.input
class RemoveCustomerFromSegmentInput:
    segment_id: strawberry.ID
    customer_id: strawberry.ID


@strawberry.type
class RemoveCustomerFromSegmentPayload:
    segment: SegmentNode | None
    user_errors: list[UserError]


async def remove_customer_from_segment(input: RemoveCustomerFromSegmentInput) -> RemoveCustomerFromSegmentPayload:
    try:
        async with in_transaction():
            segment_id = decode_input_id(input.segment_id, expected_type="Segment", field="segment_id")
            await marketing_service.remove_customer_from_segment(
                segment_id=segment_id, customer_id=decode_input_id(input.customer_id, expected_type="Customer", field="customer_id")
            )
            segment = await marketing_service.get_segment_or_raise(segment_id=segment_id)
    except DomainError as error:
        return RemoveCustomerFromSegmentPayload(segment=None, user_errors=[user_error(error)])
    return RemoveCustomerFromSegmentPayload(segment=SegmentNode.from_model(segment), user_errors=[])
