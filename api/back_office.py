"""The back office in the graph (HR, finance, operations, legal, IT) and the cross-office read models.

`api/schema.py` merges these tuples; each area adds its query root, mutation root and Node types here.
"""

from __future__ import annotations

QUERIES: tuple[type, ...] = ()
MUTATIONS: tuple[type, ...] = ()
NODE_TYPES: list[type] = []
