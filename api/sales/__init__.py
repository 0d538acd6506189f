"""Sales in the graph."""

from api.sales.mutations import SalesMutation
from api.sales.queries import SalesQuery
from api.sales.types import (
    DealNode,
    DealStageChangeNode,
    LeadNode,
    PipelineNode,
    PipelineStageNode,
    QuoteLineNode,
    QuoteNode,
    SalesOrderLineNode,
    SalesOrderNode,
)

NODE_TYPES = [
    LeadNode,
    PipelineNode,
    PipelineStageNode,
    DealNode,
    DealStageChangeNode,
    QuoteNode,
    QuoteLineNode,
    SalesOrderNode,
    SalesOrderLineNode,
]

__all__ = ["NODE_TYPES", "SalesMutation", "SalesQuery"]
