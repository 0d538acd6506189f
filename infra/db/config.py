"""The Tortoise configuration Concord runs with, built from the settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from infra.settings import Settings, get_settings

APP_LABEL = "concord"

# Named as strings so that infra does not import the packages that sit above it.
MODEL_MODULES = [
    "tenants.models",
    "domain.crm.models",
    "domain.outbox.models",
    "domain.automation.models",
    "domain.sequences.models",
    "domain.hr.models",
    "domain.operations.models",
    "domain.sales.models",
    "domain.finance.models",
    "domain.service.models",
    "domain.marketing.models",
    "domain.legal.models",
    "domain.it.models",
    "domain.bots.models",
    "domain.finance.payment_orders.models",
]


def tortoise_config(settings: Settings) -> dict[str, Any]:
    """The Tortoise config dict for these settings, with the committed migrations package."""
    return {
        "connections": {"default": _connection_url(settings)},
        "apps": {
            APP_LABEL: {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "infra.migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def _connection_url(settings: Settings) -> str:
    url = settings.database_url
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = url.removeprefix("sqlite://")
        if path not in ("", ":memory:"):
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        return url
    query = dict(parse_qsl(parts.query))
    query.setdefault("minsize", "1")
    query.setdefault("maxsize", str(settings.database_pool_size))
    scheme = "postgres" if parts.scheme in ("postgresql", "asyncpg") else parts.scheme
    return urlunsplit((scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def __getattr__(name: str) -> Any:
    # `tortoise -c infra.db.config.TORTOISE_ORM makemigrations` reads this attribute.
    if name == "TORTOISE_ORM":
        return tortoise_config(get_settings())
    raise AttributeError(name)
