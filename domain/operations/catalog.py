"""Suppliers, products (with reorder point and preferred supplier) and warehouses."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal

from tortoise.queryset import QuerySet

from domain.errors import DomainError
from domain.operations.errors import OperationsErrorCode
from domain.operations.models import Product, Supplier, Warehouse
from domain.validation import non_negative_decimal, optional_text, required_text
from tenants.ownership import create_owned, scoped

_UNSET: object = object()


def _not_found(what: str, field: str) -> DomainError:
    return DomainError(OperationsErrorCode.NOT_FOUND, f"{what} not found", field=field)


# Suppliers


def list_suppliers() -> QuerySet[Supplier]:
    """Suppliers by name."""
    return scoped(Supplier).order_by("name")


async def get_supplier_or_raise(*, supplier_id: uuid.UUID, field: str = "supplier_id") -> Supplier:
    """The supplier with this id, or NOT_FOUND naming `field`."""
    supplier = await scoped(Supplier).get_or_none(id=supplier_id)
    if supplier is None:
        raise _not_found("supplier", field)
    return supplier


async def create_supplier(*, name: str, email: str | None = None) -> Supplier:
    """Add a supplier; names are unique within the tenant."""
    name = required_text(name, field="name", max_length=200)
    if await scoped(Supplier).filter(name=name).exists():
        raise DomainError(OperationsErrorCode.DUPLICATE, f"a supplier named {name!r} exists", field="name")
    return await create_owned(Supplier, name=name, email=optional_text(email, field="email", max_length=254))


# Products


def list_products(*, active: bool | None = True) -> QuerySet[Product]:
    """Products by SKU (only active ones unless `active` is None or False)."""
    query = scoped(Product)
    if active is not None:
        query = query.filter(active=active)
    return query.order_by("sku")


async def get_product(*, product_id: uuid.UUID) -> Product | None:
    """The product with this id, or None."""
    return await scoped(Product).get_or_none(id=product_id)


async def get_product_or_raise(*, product_id: uuid.UUID, field: str = "product_id") -> Product:
    """The product with this id, or NOT_FOUND naming `field`."""
    product = await get_product(product_id=product_id)
    if product is None:
        raise _not_found("product", field)
    return product


async def get_products(*, product_ids: Sequence[uuid.UUID]) -> list[Product]:
    """The products among these ids that belong to the current tenant."""
    return await scoped(Product).filter(id__in=list(product_ids))


async def create_product(
    *,
    sku: str,
    name: str,
    unit: str = "pcs",
    reorder_point: Decimal = Decimal(0),
    reorder_quantity: Decimal = Decimal(0),
    preferred_supplier_id: uuid.UUID | None = None,
) -> Product:
    """Add a product; SKUs are unique within the tenant."""
    sku = required_text(sku, field="sku", max_length=64)
    supplier = await get_supplier_or_raise(supplier_id=preferred_supplier_id, field="preferred_supplier_id") if preferred_supplier_id else None
    if await scoped(Product).filter(sku=sku).exists():
        raise DomainError(OperationsErrorCode.DUPLICATE, f"SKU {sku} exists", field="sku")
    return await create_owned(
        Product,
        sku=sku,
        name=required_text(name, field="name", max_length=200),
        unit=required_text(unit, field="unit", max_length=16),
        reorder_point=non_negative_decimal(reorder_point, field="reorder_point"),
        reorder_quantity=non_negative_decimal(reorder_quantity, field="reorder_quantity"),
        preferred_supplier=supplier,
    )


async def update_product(
    *,
    product_id: uuid.UUID,
    name: str | None = None,
    reorder_point: Decimal | None = None,
    reorder_quantity: Decimal | None = None,
    active: bool | None = None,
) -> Product:
    """Change a product's name, reorder settings or whether it is active."""
    product = await get_product_or_raise(product_id=product_id)
    if name is not None:
        product.name = required_text(name, field="name", max_length=200)
    if reorder_point is not None:
        product.reorder_point = non_negative_decimal(reorder_point, field="reorder_point")
    if reorder_quantity is not None:
        product.reorder_quantity = non_negative_decimal(reorder_quantity, field="reorder_quantity")
    if active is not None:
        product.active = active
    await product.save()
    return product


async def set_preferred_supplier(*, product_id: uuid.UUID, supplier_id: uuid.UUID | None) -> Product:
    """Make `supplier_id` the product's preferred supplier (None clears it)."""
    product = await get_product_or_raise(product_id=product_id)
    product.preferred_supplier = await get_supplier_or_raise(supplier_id=supplier_id) if supplier_id else None
    await product.save(update_fields=["preferred_supplier_id", "updated_at"])
    return product


# Warehouses


def list_warehouses() -> QuerySet[Warehouse]:
    """Warehouses by code."""
    return scoped(Warehouse).order_by("code")


async def get_warehouse_or_raise(*, warehouse_id: uuid.UUID, field: str = "warehouse_id") -> Warehouse:
    """The warehouse with this id, or NOT_FOUND naming `field`."""
    warehouse = await scoped(Warehouse).get_or_none(id=warehouse_id)
    if warehouse is None:
        raise _not_found("warehouse", field)
    return warehouse


async def create_warehouse(*, code: str, name: str) -> Warehouse:
    """Add a warehouse; codes are unique within the tenant."""
    code = required_text(code, field="code", max_length=20)
    if await scoped(Warehouse).filter(code=code).exists():
        raise DomainError(OperationsErrorCode.DUPLICATE, f"warehouse {code} exists", field="code")
    return await create_owned(Warehouse, code=code, name=required_text(name, field="name", max_length=200))
