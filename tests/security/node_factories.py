"""How the attack suite makes one object of every Node type for the victim tenant.

Every Node type in the schema must have a factory: the suite fails for a type without one, so a new
type cannot escape the attacks. Each module in `tests/security/factories/` exports `FACTORIES`, a
dict from the GraphQL type name to an async function that runs inside the victim's tenant
transaction, puts the `marker` text in a free-text field where there is one, and returns the row id.
"""

from __future__ import annotations

import importlib
import pkgutil
import uuid
from collections.abc import Awaitable, Callable

from tests.security import factories

Factory = Callable[[str], Awaitable[uuid.UUID]]


def _collect() -> dict[str, Factory]:
    collected: dict[str, Factory] = {}
    for module in pkgutil.iter_modules(factories.__path__):
        collected.update(importlib.import_module(f"{factories.__name__}.{module.name}").FACTORIES)
    return collected


NODE_FACTORIES: dict[str, Factory] = _collect()
