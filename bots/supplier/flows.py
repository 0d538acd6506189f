"""The supplier bot: `supplier.submit_purchase_order` places an order, waits for its invoice, keeps the PDF.

The extranet is a frameset: the bot follows the navigation frame's links and reads pages in the
content frame. Before ordering it looks for an order with the same PO reference, so a retry after
a lost confirmation follows up the order already placed instead of ordering twice.
"""

from __future__ import annotations

import asyncio
import time
from decimal import Decimal

from bots.credentials import PortalCredentials
from bots.errors import BotError, ErrorCode
from bots.records import Artifact
from bots.run import BotRun
from bots.supplier.pages import (
    InvoiceLine,
    OrderFormPage,
    OrdersPage,
    OrderStatus,
    OrderStatusPage,
    OrderSubmittedPage,
    SupplierFrameset,
    SupplierLoginPage,
)
from bots.supplier.params import PurchaseOrderInvoiced, SubmitPurchaseOrderParams

INVOICED = "Invoiced"


async def submit_purchase_order(
    run: BotRun, portal_url: str, credentials: PortalCredentials, params: SubmitPurchaseOrderParams
) -> PurchaseOrderInvoiced:
    async def log_in() -> None:
        await SupplierLoginPage(run, portal_url).log_in(credentials)
        await SupplierFrameset(run, portal_url).check_loaded()

    async def find_earlier_order() -> str | None:
        content = await SupplierFrameset(run, portal_url).show("#nav-orders")
        earlier = await OrdersPage(run, portal_url, surface=content).find_by_po_reference(params.po_reference)
        return earlier.order_number if earlier else None

    await run.step("login", log_in, idempotent=True)
    earlier_order = await run.step("find earlier order", find_earlier_order, idempotent=True)
    await run.portal_checked(params.write_intent(), found={"order_number": earlier_order} if earlier_order else None)
    order_number = earlier_order or await run.step(
        "submit order", lambda: _place_order(run, portal_url, params), screenshot=True
    )
    status = await run.step(
        "wait for invoice",
        lambda: _wait_for_invoice(run, portal_url, order_number, params),
        idempotent=True,
        timeout=params.invoice_wait_seconds + run.timeouts.step,
    )

    async def download_invoice() -> tuple[list[InvoiceLine], Decimal, Artifact]:
        page = OrderStatusPage(run, portal_url, surface=SupplierFrameset(run, portal_url).content)
        await page.check_status(order_number)
        lines, vat = await page.read_lines(), await page.read_vat()
        return lines, vat, await run.keep_download(await page.download_invoice())

    lines, vat, invoice_pdf = await run.step("download invoice", download_invoice, idempotent=True)
    return PurchaseOrderInvoiced(
        order_number=order_number,
        po_reference=params.po_reference,
        invoice_number=status.invoice_number or "",
        lines=lines,
        net_total=sum((line.line_total for line in lines), Decimal(0)),
        vat=vat,
        invoice_pdf=invoice_pdf,
        already_submitted=earlier_order is not None,
    )


async def _place_order(run: BotRun, portal_url: str, params: SubmitPurchaseOrderParams) -> str:
    content = await SupplierFrameset(run, portal_url).show("#nav-new-order")
    form = OrderFormPage(run, portal_url, surface=content)
    async with run.exactly_once(
        params.write_intent(),
        what=f"Purchase order {params.po_reference}",
        how_to_retry="Run the bot again with the same PO reference: it looks for the order before ordering.",
        details={"po_reference": params.po_reference},
    ) as written:
        await form.place_order(params.po_reference, [(line.sku, line.quantity) for line in params.lines])
        order_number = await OrderSubmittedPage(run, portal_url, surface=content).read_order_number()
        written.confirm(order_number=order_number)
        return order_number


async def _wait_for_invoice(
    run: BotRun, portal_url: str, order_number: str, params: SubmitPurchaseOrderParams
) -> OrderStatus:
    """Look at the order until it is invoiced, for at most `invoice_wait_seconds`."""
    give_up_at = time.monotonic() + params.invoice_wait_seconds
    page = OrderStatusPage(run, portal_url, surface=SupplierFrameset(run, portal_url).content)
    while True:
        status = await page.check_status(order_number)
        if status.status == INVOICED and status.invoice_number:
            return status
        if time.monotonic() >= give_up_at:
            raise BotError(
                ErrorCode.STEP_TIMEOUT,
                f"Order {order_number} was not invoiced within {params.invoice_wait_seconds:g} s "
                f"(status: {status.status}).",
                details={"order_number": order_number, "status": status.status},
            )
        await asyncio.sleep(params.poll_interval_seconds)
