"""Legal in the graph."""

from api.legal.mutations import LegalMutation
from api.legal.queries import LegalQuery
from api.legal.types import ContractNode, ContractPartyNode, ObligationNode

NODE_TYPES = [ContractNode, ContractPartyNode, ObligationNode]

__all__ = ["ContractNode", "LegalMutation", "LegalQuery", "NODE_TYPES"]
