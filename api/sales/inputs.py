"""Inputs shared by several sales mutations."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from api.node_ids import decode_input_id
from domain.sales import service as sales_service


@strawberry.input(description="An item on a quote or an order.")
class SalesLineInput:
    description: str
    quantity: Decimal
    unit_price: Decimal = strawberry.field(description="In the document's currency.")
    product_id: strawberry.ID | None = None


def domain_lines(lines: list[SalesLineInput]) -> list[sales_service.SalesLineInput]:
    """The domain's lines; a malformed product id is NOT_FOUND on that line's `productId`."""
    return [
        sales_service.SalesLineInput(
            description=line.description, quantity=line.quantity, unit_price=line.unit_price,
            product_id=decode_input_id(line.product_id, expected_type="Product", field=f"lines.{index}.product_id") if line.product_id else None,
        )
        for index, line in enumerate(lines)
    ]
