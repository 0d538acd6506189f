"""The back office in the graph (HR, finance, operations, legal, IT) and the cross-office read models.

`api/schema.py` merges these tuples; each area adds its query root, mutation root and Node types here.
"""

from __future__ import annotations

from api.finance import NODE_TYPES as FINANCE_NODE_TYPES
from api.finance import FinanceMutation, FinanceQuery
from api.hr import NODE_TYPES as HR_NODE_TYPES
from api.hr import HrMutation, HrQuery
from api.it import NODE_TYPES as IT_NODE_TYPES
from api.it import ItMutation, ItQuery
from api.legal import NODE_TYPES as LEGAL_NODE_TYPES
from api.legal import LegalMutation, LegalQuery
from api.operations import NODE_TYPES as OPERATIONS_NODE_TYPES
from api.operations import OperationsMutation, OperationsQuery
from api.reports import ReportsQuery

QUERIES: tuple[type, ...] = (HrQuery, FinanceQuery, OperationsQuery, LegalQuery, ItQuery, ReportsQuery)
MUTATIONS: tuple[type, ...] = (HrMutation, FinanceMutation, OperationsMutation, LegalMutation, ItMutation)
NODE_TYPES: list[type] = [*HR_NODE_TYPES, *FINANCE_NODE_TYPES, *OPERATIONS_NODE_TYPES, *LEGAL_NODE_TYPES, *IT_NODE_TYPES]
