"""Sales mutations, one per module."""

import strawberry

from api.permissions import Requires
from api.sales.mutations.accept_quote import AcceptQuotePayload, accept_quote
from api.sales.mutations.cancel_sales_order import CancelSalesOrderPayload, cancel_sales_order
from api.sales.mutations.convert_lead import ConvertLeadPayload, convert_lead
from api.sales.mutations.create_deal import CreateDealPayload, create_deal
from api.sales.mutations.create_lead import CreateLeadPayload, create_lead
from api.sales.mutations.create_pipeline import CreatePipelinePayload, create_pipeline
from api.sales.mutations.create_quote import CreateQuotePayload, create_quote
from api.sales.mutations.create_sales_order import CreateSalesOrderPayload, create_sales_order
from api.sales.mutations.create_sales_order_from_quote import CreateSalesOrderFromQuotePayload, create_sales_order_from_quote
from api.sales.mutations.disqualify_lead import DisqualifyLeadPayload, disqualify_lead
from api.sales.mutations.mark_deal_lost import MarkDealLostPayload, mark_deal_lost
from api.sales.mutations.mark_deal_won import MarkDealWonPayload, mark_deal_won
from api.sales.mutations.mark_sales_order_fulfilled import MarkSalesOrderFulfilledPayload, mark_sales_order_fulfilled
from api.sales.mutations.move_deal_to_stage import MoveDealToStagePayload, move_deal_to_stage
from api.sales.mutations.qualify_lead import QualifyLeadPayload, qualify_lead
from api.sales.mutations.reject_quote import RejectQuotePayload, reject_quote
from api.sales.mutations.send_quote import SendQuotePayload, send_quote
from api.sales.mutations.ship_sales_order import ShipSalesOrderPayload, ship_sales_order
from api.sales.mutations.update_deal import UpdateDealPayload, update_deal
from tenants.permissions import Scope

SALES_WRITE = [Requires(Scope.SALES_WRITE)]


def _mutation(resolver, description: str):
    return strawberry.mutation(resolver=resolver, permission_classes=SALES_WRITE, description=description)


@strawberry.type
class SalesMutation:
    create_lead: CreateLeadPayload = _mutation(create_lead, "Record a prospect.")
    qualify_lead: QualifyLeadPayload = _mutation(qualify_lead, "Mark an open lead worth pursuing.")
    disqualify_lead: DisqualifyLeadPayload = _mutation(disqualify_lead, "Close an open lead as not worth pursuing.")
    convert_lead: ConvertLeadPayload = _mutation(
        convert_lead, "Turn an open lead into a deal, for an existing customer or a new one named after the lead."
    )
    create_pipeline: CreatePipelinePayload = _mutation(create_pipeline, "Create a pipeline with its stages in order.")
    create_deal: CreateDealPayload = _mutation(create_deal, "Open a deal with a customer in a stage of a pipeline.")
    update_deal: UpdateDealPayload = _mutation(update_deal, "Change an open deal's name, amount, expected close date or owner.")
    move_deal_to_stage: MoveDealToStagePayload = _mutation(
        move_deal_to_stage, "Move an open deal to another stage of its own pipeline, recording the change in its stage history."
    )
    mark_deal_won: MarkDealWonPayload = _mutation(mark_deal_won, "Close an open deal as won, in its current stage.")
    mark_deal_lost: MarkDealLostPayload = _mutation(mark_deal_lost, "Close an open deal as lost, with the reason.")
    create_quote: CreateQuotePayload = _mutation(create_quote, "Draft a quote for a customer, priced line by line in one currency.")
    send_quote: SendQuotePayload = _mutation(send_quote, "Mark a draft quote as sent to the customer.")
    accept_quote: AcceptQuotePayload = _mutation(accept_quote, "Record the customer's acceptance of a sent quote that has not expired.")
    reject_quote: RejectQuotePayload = _mutation(reject_quote, "Record the customer's rejection of a sent quote.")
    create_sales_order: CreateSalesOrderPayload = _mutation(create_sales_order, "Record a customer's order.")
    create_sales_order_from_quote: CreateSalesOrderFromQuotePayload = _mutation(
        create_sales_order_from_quote, "Turn an accepted quote into a sales order with the same lines."
    )
    cancel_sales_order: CancelSalesOrderPayload = _mutation(cancel_sales_order, "Cancel an open sales order.")
    mark_sales_order_fulfilled: MarkSalesOrderFulfilledPayload = _mutation(
        mark_sales_order_fulfilled, "Close an open sales order as fulfilled."
    )
    ship_sales_order: ShipSalesOrderPayload = strawberry.mutation(
        resolver=ship_sales_order,
        permission_classes=[Requires(Scope.SALES_WRITE, Scope.OPERATIONS_READ)],
        description="Prepare a pending shipment of an open order's product lines from a warehouse (needs operations:read too).",
    )
