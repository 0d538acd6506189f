"""The front office in the graph (CRM, sales, marketing, customer service): roots and node types.

`api/schema.py` merges these tuples; each area adds its query root, mutation root and Node types here.
"""

from __future__ import annotations

from api.crm import NODE_TYPES as CRM_NODE_TYPES
from api.crm import CrmMutation, CrmQuery
from api.marketing import NODE_TYPES as MARKETING_NODE_TYPES
from api.marketing import MarketingMutation, MarketingQuery
from api.sales import NODE_TYPES as SALES_NODE_TYPES
from api.sales import SalesMutation, SalesQuery
from api.service import NODE_TYPES as SERVICE_NODE_TYPES
from api.service import ServiceMutation, ServiceQuery

QUERIES: tuple[type, ...] = (CrmQuery, SalesQuery, MarketingQuery, ServiceQuery)
MUTATIONS: tuple[type, ...] = (CrmMutation, SalesMutation, MarketingMutation, ServiceMutation)
NODE_TYPES: list[type] = [*CRM_NODE_TYPES, *SALES_NODE_TYPES, *MARKETING_NODE_TYPES, *SERVICE_NODE_TYPES]
