"""What createRule and updateRule share: the rule's parts as the client sends them."""

from __future__ import annotations

from bots.registry import default_registry


def bot_names() -> tuple[str, ...]:
    """The bots a start_bot_run action may name."""
    return tuple(default_registry().names())
