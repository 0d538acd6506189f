"""Automation in the graph: query and mutation roots and Node types, merged by api/schema.py."""

from __future__ import annotations

QUERIES: tuple[type, ...] = ()
MUTATIONS: tuple[type, ...] = ()
NODE_TYPES: list[type] = []
