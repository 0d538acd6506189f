"""Bots in the graph: query and mutation roots and Node types, merged by api/schema.py."""

from __future__ import annotations

from api.bots.mutations import BotsMutation
from api.bots.queries import BotsQuery
from api.bots.types import BotRunNode, PaymentOrderNode

QUERIES: tuple[type, ...] = (BotsQuery,)
MUTATIONS: tuple[type, ...] = (BotsMutation,)
NODE_TYPES: list[type] = [BotRunNode, PaymentOrderNode]
