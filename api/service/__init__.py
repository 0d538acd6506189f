"""Customer service in the graph."""

from api.service.mutations import ServiceMutation
from api.service.queries import ServiceQuery
from api.service.types import TicketNode, TicketStatusChangeNode

NODE_TYPES = [TicketNode, TicketStatusChangeNode]

__all__ = ["NODE_TYPES", "ServiceMutation", "ServiceQuery"]
