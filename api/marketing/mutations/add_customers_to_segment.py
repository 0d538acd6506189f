"""addCustomersToSegment"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.marketing.types import SegmentNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.marketing import service as marketing_service


@strawberry.input
class AddCustomersToSegmentInput:
    segment_id: strawberry.ID
    customer_ids: list[strawberry.ID] = strawberry.field(description="Customers already in the segment are skipped.")


@strawberry.type
class AddCustomersToSegmentPayload:
    segment: SegmentNode | None
    added_count: int = strawberry.field(description="How many customers joined (those already in it are not counted).")
    user_errors: list[UserError]


async def add_customers_to_segment(input: AddCustomersToSegmentInput) -> AddCustomersToSegmentPayload:
    try:
        async with in_transaction():
            segment_id = decode_input_id(input.segment_id, expected_type="Segment", field="segment_id")
            customer_ids = [
                decode_input_id(value, expected_type="Customer", field=f"customer_ids.{index}") for index, value in enumerate(input.customer_ids)
            ]
            added = await marketing_service.add_customers_to_segment(segment_id=segment_id, customer_ids=customer_ids)
            segment = await marketing_service.get_segment_or_raise(segment_id=segment_id)
    except DomainError as error:
        return AddCustomersToSegmentPayload(segment=None, added_count=0, user_errors=[user_error(error)])
    return AddCustomersToSegmentPayload(segment=SegmentNode.from_model(segment), added_count=added, user_errors=[])
