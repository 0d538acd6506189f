"""Server-side checks of the purchase-order form; errors keyed by the field's normal name."""

from __future__ import annotations

from collections.abc import Mapping

from infra.portals.supplier.models import Product

ORDER_LINE_ROWS = 10  # the form has a fixed number of line rows, as old portals do
PO_REFERENCE_FIELD = "po-reference"
MAX_PO_REFERENCE_LENGTH = 35
MAX_QUANTITY = 9_999


def sku_field(row: int) -> str:
    return f"sku-{row}"


def quantity_field(row: int) -> str:
    return f"quantity-{row}"


ORDER_FIELDS = (
    PO_REFERENCE_FIELD,
    *(field for row in range(1, ORDER_LINE_ROWS + 1) for field in (sku_field(row), quantity_field(row))),
)


def check_order(values: Mapping[str, str], *, catalogue: Mapping[str, Product]) -> tuple[list[tuple[str, int]], dict[str, str]]:
    """The (SKU, quantity) lines to order, or the errors; rows with neither SKU nor quantity are skipped."""
    errors: dict[str, str] = {}
    reference = values.get(PO_REFERENCE_FIELD, "").strip()
    if not reference:
        errors[PO_REFERENCE_FIELD] = "Please enter your PO reference."
    elif len(reference) > MAX_PO_REFERENCE_LENGTH:
        errors[PO_REFERENCE_FIELD] = f"The PO reference may be at most {MAX_PO_REFERENCE_LENGTH} characters."
    wanted: dict[str, int] = {}
    lines: list[tuple[str, int]] = []
    for row in range(1, ORDER_LINE_ROWS + 1):
        sku = values.get(sku_field(row), "").strip().upper()
        quantity_text = values.get(quantity_field(row), "").strip()
        if not sku and not quantity_text:
            continue
        product = catalogue.get(sku)
        if product is None:
            errors[sku_field(row)] = "Unknown article number." if sku else "Please enter an article number."
        if not (quantity_text.isascii() and quantity_text.isdigit()) or not 1 <= int(quantity_text) <= MAX_QUANTITY:
            errors[quantity_field(row)] = f"Please enter a whole number from 1 to {MAX_QUANTITY}."
            continue
        if product is None:
            continue
        wanted[sku] = wanted.get(sku, 0) + int(quantity_text)
        if wanted[sku] > product.stock:
            errors[quantity_field(row)] = f"Only {product.stock} in stock."
            continue
        lines.append((sku, int(quantity_text)))
    if not lines and not errors:
        errors[sku_field(1)] = "Please order at least one article."
    return lines, errors


def po_reference(values: Mapping[str, str]) -> str:
    return values.get(PO_REFERENCE_FIELD, "").strip()
