"""IT in the graph."""

from api.it.mutations import ItMutation
from api.it.queries import ItQuery
from api.it.types import AssetAssignmentNode, AssetNode, SupportRequestNode

NODE_TYPES = [AssetNode, AssetAssignmentNode, SupportRequestNode]

__all__ = ["AssetNode", "ItMutation", "ItQuery", "NODE_TYPES"]
