"""Quotes and sales orders: priced lines in one currency, totals rounded per currency."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tortoise.models import Model
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.crm import service as crm_service
from domain.errors import DomainError
from domain.money import Money, currency_code
from domain.operations import service as operations_service
from domain.outbox import record_event
from domain.sales import events
from domain.sales.errors import SalesErrorCode
from domain.sales.models import Quote, QuoteLine, QuoteStatus, SalesOrder, SalesOrderLine, SalesOrderStatus
from domain.sales.pipelines import get_deal_or_raise
from domain.sequences.service import next_number
from domain.validation import non_negative_decimal, positive_decimal, required_text
from tenants.ownership import create_owned, scoped


@dataclass(frozen=True)
class SalesLineInput:
    description: str
    quantity: Decimal
    unit_price: Decimal
    product_id: uuid.UUID | None = None


@dataclass(frozen=True)
class _PricedLine:
    description: str
    quantity: Decimal
    unit_price: Decimal
    line_total: Money
    product: Model | None


async def _priced_lines(lines: Sequence[SalesLineInput], currency: str) -> list[_PricedLine]:
    if not lines:
        raise DomainError(SalesErrorCode.LINES_REQUIRED, "at least one line is needed", field="lines")
    priced = []
    for index, line in enumerate(lines):
        product = None
        if line.product_id is not None:
            product = await operations_service.get_product_or_raise(product_id=line.product_id, field=f"lines.{index}.product_id")
        quantity = positive_decimal(line.quantity, field=f"lines.{index}.quantity")
        unit_price = non_negative_decimal(line.unit_price, field=f"lines.{index}.unit_price")
        priced.append(
            _PricedLine(
                description=required_text(line.description, field=f"lines.{index}.description", max_length=200),
                quantity=quantity,
                unit_price=unit_price,
                line_total=Money(quantity * unit_price, currency).rounded(),
                product=product,
            )
        )
    return priced


async def _customer_and_deal(customer_id: uuid.UUID, deal_id: uuid.UUID | None):
    customer = await crm_service.get_customer_or_raise(customer_id=customer_id)
    deal = await get_deal_or_raise(deal_id=deal_id) if deal_id else None
    if deal is not None and deal.customer_id != customer.id:
        raise DomainError(SalesErrorCode.CUSTOMER_MISMATCH, "the deal belongs to another customer", field="deal_id")
    return customer, deal


# Quotes


def list_quotes(*, customer_id: uuid.UUID | None = None, deal_id: uuid.UUID | None = None) -> QuerySet[Quote]:
    """Quotes, newest first, optionally of one customer or deal."""
    query = scoped(Quote)
    if customer_id is not None:
        query = query.filter(customer_id=customer_id)
    if deal_id is not None:
        query = query.filter(deal_id=deal_id)
    return query.order_by("-created_at", "-id")


async def get_quote_or_raise(*, quote_id: uuid.UUID, field: str = "quote_id") -> Quote:
    """The quote with this id, or NOT_FOUND."""
    quote = await scoped(Quote).get_or_none(id=quote_id)
    if quote is None:
        raise DomainError(SalesErrorCode.NOT_FOUND, "quote not found", field=field)
    return quote


def quote_lines(*, quote_id: uuid.UUID) -> QuerySet[QuoteLine]:
    """A quote's lines in order."""
    return scoped(QuoteLine).filter(quote_id=quote_id).order_by("position")


async def create_quote(
    *,
    customer_id: uuid.UUID,
    currency: str,
    lines: Sequence[SalesLineInput],
    deal_id: uuid.UUID | None = None,
    valid_until: date | None = None,
) -> Quote:
    """Draft a quote for a customer (and one of its deals); total = sum of lines rounded per currency."""
    customer, deal = await _customer_and_deal(customer_id, deal_id)
    currency = currency_code(currency)
    priced = await _priced_lines(lines, currency)
    async with in_transaction():
        quote = await create_owned(
            Quote,
            number=await next_number(model=Quote, prefix="Q-"),
            customer=customer,
            deal=deal,
            currency=currency,
            total=Money.total((line.line_total for line in priced), currency=currency).amount,
            valid_until=valid_until,
        )
        for position, line in enumerate(priced, start=1):
            await create_owned(
                QuoteLine,
                quote=quote,
                position=position,
                product=line.product,
                description=line.description,
                quantity=line.quantity,
                unit_price=line.unit_price,
                line_total=line.line_total.amount,
            )
    return quote


async def _move_quote(quote_id: uuid.UUID, *, expected: QuoteStatus, status: QuoteStatus, code: SalesErrorCode, on: date | None = None) -> Quote:
    quote = await get_quote_or_raise(quote_id=quote_id)
    if quote.status is not expected:
        raise DomainError(code, f"the quote is {quote.status}", field="quote_id")
    if status is QuoteStatus.ACCEPTED and quote.valid_until is not None and (on or clock.today()) > quote.valid_until:
        raise DomainError(SalesErrorCode.QUOTE_EXPIRED, "the quote has expired", field="quote_id")
    quote.status = status
    await quote.save(update_fields=["status", "updated_at"])
    return quote


async def send_quote(*, quote_id: uuid.UUID) -> Quote:
    """Mark a draft quote as sent to the customer."""
    return await _move_quote(quote_id, expected=QuoteStatus.DRAFT, status=QuoteStatus.SENT, code=SalesErrorCode.QUOTE_NOT_DRAFT)


async def accept_quote(*, quote_id: uuid.UUID, on: date | None = None) -> Quote:
    """Record the customer's acceptance of a sent quote that has not expired."""
    return await _move_quote(quote_id, expected=QuoteStatus.SENT, status=QuoteStatus.ACCEPTED, code=SalesErrorCode.QUOTE_NOT_SENT, on=on)


async def reject_quote(*, quote_id: uuid.UUID) -> Quote:
    """Record the customer's rejection of a sent quote."""
    return await _move_quote(quote_id, expected=QuoteStatus.SENT, status=QuoteStatus.REJECTED, code=SalesErrorCode.QUOTE_NOT_SENT)


# Sales orders


def list_sales_orders(*, customer_id: uuid.UUID | None = None, status: SalesOrderStatus | None = None) -> QuerySet[SalesOrder]:
    """Sales orders, newest first, optionally of one customer or status."""
    query = scoped(SalesOrder)
    if customer_id is not None:
        query = query.filter(customer_id=customer_id)
    if status is not None:
        query = query.filter(status=status)
    return query.order_by("-ordered_on", "-created_at")


async def get_sales_order_or_raise(*, sales_order_id: uuid.UUID, field: str = "sales_order_id") -> SalesOrder:
    """The sales order with this id, or NOT_FOUND."""
    order = await scoped(SalesOrder).get_or_none(id=sales_order_id)
    if order is None:
        raise DomainError(SalesErrorCode.NOT_FOUND, "sales order not found", field=field)
    return order


def sales_order_lines(*, sales_order_id: uuid.UUID) -> QuerySet[SalesOrderLine]:
    """A sales order's lines in order."""
    return scoped(SalesOrderLine).filter(sales_order_id=sales_order_id).order_by("position")


async def _create_order(*, customer, deal, quote, currency: str, priced: list[_PricedLine], ordered_on: date | None) -> SalesOrder:
    async with in_transaction():
        order = await create_owned(
            SalesOrder,
            number=await next_number(model=SalesOrder, prefix="SO-"),
            customer=customer,
            deal=deal,
            quote=quote,
            currency=currency,
            total=Money.total((line.line_total for line in priced), currency=currency).amount,
            ordered_on=ordered_on or clock.today(),
        )
        for position, line in enumerate(priced, start=1):
            await create_owned(
                SalesOrderLine,
                sales_order=order,
                position=position,
                product=line.product,
                description=line.description,
                quantity=line.quantity,
                unit_price=line.unit_price,
                line_total=line.line_total.amount,
            )
        await record_event(
            event_type=events.SALES_ORDER_CREATED,
            payload=events.sales_order_created(order),
            idempotency_key=f"{events.SALES_ORDER_CREATED}:{order.id}",
        )
    return order


async def create_sales_order(
    *,
    customer_id: uuid.UUID,
    currency: str,
    lines: Sequence[SalesLineInput],
    deal_id: uuid.UUID | None = None,
    ordered_on: date | None = None,
) -> SalesOrder:
    """Record a customer's order (optionally for one of its deals) and `sales.sales_order_created`."""
    customer, deal = await _customer_and_deal(customer_id, deal_id)
    currency = currency_code(currency)
    priced = await _priced_lines(lines, currency)
    return await _create_order(customer=customer, deal=deal, quote=None, currency=currency, priced=priced, ordered_on=ordered_on)


async def create_sales_order_from_quote(*, quote_id: uuid.UUID, ordered_on: date | None = None) -> SalesOrder:
    """Turn an accepted quote into a sales order with the same lines."""
    quote = await get_quote_or_raise(quote_id=quote_id)
    if quote.status is not QuoteStatus.ACCEPTED:
        raise DomainError(SalesErrorCode.QUOTE_NOT_ACCEPTED, f"the quote is {quote.status}", field="quote_id")
    lines = await quote_lines(quote_id=quote.id).prefetch_related("product")
    priced = [
        _PricedLine(
            description=line.description,
            quantity=line.quantity,
            unit_price=line.unit_price,
            line_total=Money(line.line_total, quote.currency),
            product=line.product,
        )
        for line in lines
    ]
    customer = await crm_service.get_customer_or_raise(customer_id=quote.customer_id)
    deal = await get_deal_or_raise(deal_id=quote.deal_id) if quote.deal_id else None
    return await _create_order(customer=customer, deal=deal, quote=quote, currency=quote.currency, priced=priced, ordered_on=ordered_on)


async def _set_order_status(sales_order_id: uuid.UUID, status: SalesOrderStatus) -> SalesOrder:
    order = await get_sales_order_or_raise(sales_order_id=sales_order_id)
    if order.status is not SalesOrderStatus.OPEN:
        raise DomainError(SalesErrorCode.ORDER_NOT_OPEN, f"the order is {order.status}", field="sales_order_id")
    order.status = status
    await order.save(update_fields=["status", "updated_at"])
    return order


async def cancel_sales_order(*, sales_order_id: uuid.UUID) -> SalesOrder:
    """Cancel an open sales order."""
    return await _set_order_status(sales_order_id, SalesOrderStatus.CANCELLED)


async def mark_sales_order_fulfilled(*, sales_order_id: uuid.UUID) -> SalesOrder:
    """Close an open sales order as fulfilled."""
    return await _set_order_status(sales_order_id, SalesOrderStatus.FULFILLED)


async def ship_sales_order(*, sales_order_id: uuid.UUID, warehouse_id: uuid.UUID) -> operations_service.Shipment:
    """Prepare a pending shipment of an open order's product lines from a warehouse."""
    order = await get_sales_order_or_raise(sales_order_id=sales_order_id)
    if order.status is not SalesOrderStatus.OPEN:
        raise DomainError(SalesErrorCode.ORDER_NOT_OPEN, f"the order is {order.status}", field="sales_order_id")
    lines = [
        operations_service.ShipmentLineInput(product_id=line.product_id, quantity=line.quantity)
        for line in await sales_order_lines(sales_order_id=order.id)
        if line.product_id is not None
    ]
    if not lines:
        raise DomainError(SalesErrorCode.NOTHING_TO_SHIP, "the order has no product lines", field="sales_order_id")
    return await operations_service.create_shipment(
        warehouse_id=warehouse_id, lines=lines, customer_id=order.customer_id, sales_order=order
    )
