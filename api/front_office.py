"""The front office in the graph (CRM, sales, marketing, customer service): roots and node types.

`api/schema.py` merges these tuples; each area adds its query root, mutation root and Node types here.
"""

from __future__ import annotations

from api.crm import NODE_TYPES as CRM_NODE_TYPES
from api.crm import CrmMutation, CrmQuery

QUERIES: tuple[type, ...] = (CrmQuery,)
MUTATIONS: tuple[type, ...] = (CrmMutation,)
NODE_TYPES: list[type] = [*CRM_NODE_TYPES]
