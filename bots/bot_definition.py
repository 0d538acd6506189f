"""What the runner knows about a bot: its name, its portal, its function, its params schema and result type."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, ValidationError

from bots.errors import InvalidParams

if TYPE_CHECKING:
    from bots.credentials import PortalCredentials
    from bots.run import BotRun

BotFunction = Callable[["BotRun", str, "PortalCredentials", Any], Awaitable[Any]]


class BotParams(BaseModel):
    """Base of every bot's params: unknown params are refused rather than silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


@dataclass(frozen=True)
class BotDefinition:
    name: str  # part of the API: "bank.submit_payment"
    portal: str  # "tax", "bank" or "supplier": the portal whose limits the run takes
    run: BotFunction  # async (run, portal_url, credentials, params) -> result dataclass
    params: type[BotParams]
    result: type
    description: str = ""
    canary: bool = False  # a read-only dry run that checks the portal's layout (bots.canary)

    @property
    def makes_writes(self) -> bool:
        """Whether its runs send a write that must happen exactly once (its params describe it as a WriteIntent)."""
        return hasattr(self.params, "write_intent")

    def validate(self, raw: Mapping[str, Any] | BotParams) -> BotParams:
        """The params as the bot's model; InvalidParams names each param that is wrong and why."""
        if isinstance(raw, self.params):
            return raw
        try:
            return self.params.model_validate(dict(raw))
        except ValidationError as exc:
            raise InvalidParams(
                {
                    ".".join(str(part) for part in error["loc"]) or "params": error["msg"].removeprefix("Value error, ")
                    for error in exc.errors()
                }
            ) from None

    def params_schema(self) -> dict[str, Any]:
        """JSON Schema of the params, for forms and the GraphQL layer."""
        return self.params.model_json_schema()


class BotRegistry:
    """Bots by name. `bots.registry.default_registry()` holds the product's bots; tests may add their own."""

    def __init__(self, definitions: Iterable[BotDefinition] = ()) -> None:
        self._bots: dict[str, BotDefinition] = {}
        for definition in definitions:
            self.register(definition)

    def register(self, definition: BotDefinition) -> None:
        if definition.name in self._bots:
            raise ValueError(f"a bot named {definition.name!r} is already registered")
        self._bots[definition.name] = definition

    def get(self, name: str) -> BotDefinition:
        try:
            return self._bots[name]
        except KeyError:
            known = ", ".join(sorted(self._bots))
            raise InvalidParams({"bot": f"unknown bot {name!r}; known bots: {known}"}) from None

    def names(self) -> list[str]:
        return sorted(self._bots)

    def __contains__(self, name: object) -> bool:
        return name in self._bots
