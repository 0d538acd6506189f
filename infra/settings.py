"""Concord's settings: read once from `CONCORD_*` environment variables, then passed down."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from infra.version import VERSION

DATABASE_SCHEMES = ("sqlite", "postgres", "postgresql", "asyncpg")
BROKER_SCHEMES = ("stub", "redis", "rediss", "amqp", "amqps")
DEVELOPMENT_SECRET_KEY = "concord-development-secret-key-change-me"
LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG", "NOTSET")


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class TraceExporter(StrEnum):
    AUTO = "auto"  # OTLP when an endpoint is set, otherwise none
    OTLP = "otlp"
    CONSOLE = "console"
    NONE = "none"


class SettingsError(Exception):
    """A setting has a value Concord cannot use; the message names the setting and the value."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CONCORD_", extra="ignore")

    environment: Environment = Environment.DEVELOPMENT
    database_url: str = "sqlite://var/concord.sqlite3"
    # The schema owner's connection for `concord migrate`; unset, migrations use database_url.
    migration_database_url: str | None = None
    database_pool_size: int = Field(default=10, ge=1, le=500)
    broker_url: str = "stub://"
    # The prefix of the broker's keys on Redis, so deployments (or test runs) can share one server;
    # on RabbitMQ give each its own vhost in the URL instead.
    broker_namespace: str = Field(default="concord", pattern=r"^[A-Za-z0-9_.:-]{1,64}$")
    worker_threads: int = Field(default=4, ge=1, le=256)
    # Where `concord worker` serves its own /metrics (jobs, queues, bot runs, outbox lag); 0 turns it off.
    worker_metrics_port: int = Field(default=9191, ge=0, le=65535)
    secret_key: SecretStr = SecretStr(DEVELOPMENT_SECRET_KEY)
    # Keys CONCORD_SECRET_KEY replaced, comma-separated: they still open old secrets until rotate-key.
    previous_secret_keys: SecretStr = SecretStr("")
    # Bearer JWTs: HS256 signed with the secret key, or RS256 verified against a JWKS (URL or file).
    jwt_algorithm: str = Field(default="HS256", pattern="^(HS256|RS256)$")
    jwt_jwks_url: str | None = None
    jwt_issuer: str = "concord"
    jwt_audience: str = "concord-api"
    access_token_ttl_seconds: int = Field(default=3600, ge=60, le=86400)
    # Failed authentications per client address before 429, and the window they are counted in.
    auth_failures_allowed: int = Field(default=10, ge=1)
    auth_failure_window_seconds: int = Field(default=300, ge=1)
    # Requests per minute per tenant (a tenant's own quota overrides it); 0 turns quotas off.
    tenant_requests_per_minute: int = Field(default=600, ge=0)
    # Where those counts live: memory:// (one process) or redis://… (shared by every `serve`).
    rate_limit_storage_url: str = "memory://"
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    otlp_endpoint: str | None = None
    trace_exporter: TraceExporter = TraceExporter.AUTO
    service_name: str = "concord"
    log_level: str = "INFO"
    # Per logger, "name=LEVEL,…". pika logs every failed connect at ERROR, which our own message says once.
    log_levels: str = "tortoise=WARNING,pika=CRITICAL"
    artifacts_dir: Path = Path("var/artifacts")
    chromium_path: str | None = None
    graphiql: bool = True
    # GraphQL operation limits (api/protection/): an operation past one is refused before it runs.
    graphql_max_depth: int = Field(default=15, ge=1)
    graphql_max_aliases: int = Field(default=30, ge=0)
    graphql_max_tokens: int = Field(default=5000, ge=1)
    graphql_max_cost: int = Field(default=50_000, ge=1)
    graphql_max_body_bytes: int = Field(default=1_048_576, ge=1)
    graphql_timeout_seconds: float = Field(default=30.0, gt=0)
    # Unset: introspection is on in development and off in production.
    graphql_introspection: bool | None = None
    # Automatic persisted queries kept per process, least recently used dropped first; 0 turns APQ off.
    graphql_persisted_queries: int = Field(default=1000, ge=0)
    # How often an open websocket's credential is checked again (also before every event it gets):
    # a revoked key, an expired token or a suspended tenant closes it with 4403 within this time.
    subscription_recheck_seconds: float = Field(default=30.0, gt=0, le=30.0)
    # Hosts (names or addresses, comma-separated) webhooks may reach although they are inside:
    # local receivers in development, tests and the demo. Refused in production.
    webhook_allowed_hosts: str = ""

    @field_validator("database_url")
    @classmethod
    def _known_database_scheme(cls, value: str) -> str:
        return _require_scheme(value, DATABASE_SCHEMES)

    @field_validator("migration_database_url")
    @classmethod
    def _known_migration_scheme(cls, value: str | None) -> str | None:
        return _require_scheme(value, DATABASE_SCHEMES) if value else None

    @field_validator("broker_url")
    @classmethod
    def _known_broker_scheme(cls, value: str) -> str:
        return _require_scheme(value, BROKER_SCHEMES)

    @field_validator("log_level")
    @classmethod
    def _known_log_level(cls, value: str) -> str:
        return _require_level(value)

    @field_validator("log_levels")
    @classmethod
    def _logger_level_pairs(cls, value: str) -> str:
        for item in filter(None, (item.strip() for item in value.split(","))):
            name, equals, level = item.partition("=")
            if not equals or not name.strip():
                raise ValueError(f"{item!r} is not name=LEVEL")
            _require_level(level)
        return value

    @field_validator("otlp_endpoint")
    @classmethod
    def _http_endpoint(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        return _require_scheme(value, ("http", "https"))

    @field_validator("webhook_allowed_hosts")
    @classmethod
    def _no_inside_webhooks_in_production(cls, value: str, info: ValidationInfo) -> str:
        if value.strip() and info.data.get("environment") is Environment.PRODUCTION:
            raise ValueError("webhooks may not reach hosts inside the network in production; unset it")
        return value

    @property
    def version(self) -> str:
        return VERSION

    @property
    def database_is_postgres(self) -> bool:
        return urlsplit(self.database_url).scheme != "sqlite"

    @property
    def broker_kind(self) -> str:
        scheme = urlsplit(self.broker_url).scheme
        return {"rediss": "redis", "amqps": "amqp"}.get(scheme, scheme)

    @property
    def effective_trace_exporter(self) -> TraceExporter:
        if self.trace_exporter is TraceExporter.AUTO:
            return TraceExporter.OTLP if self.otlp_endpoint else TraceExporter.NONE
        return self.trace_exporter

    @property
    def webhook_allowed_host_list(self) -> tuple[str, ...]:
        return tuple(host.strip().lower().removesuffix(".") for host in self.webhook_allowed_hosts.split(",") if host.strip())

    @property
    def logger_levels(self) -> dict[str, str]:
        pairs = (item.split("=", 1) for item in self.log_levels.split(",") if "=" in item)
        return {name.strip(): level.strip().upper() for name, level in pairs}


def _require_level(level: str) -> str:
    if level.strip().upper() not in LOG_LEVELS:
        raise ValueError(f"unknown log level {level.strip()!r}; expected one of {', '.join(LOG_LEVELS)}")
    return level


def _require_scheme(url: str, allowed: tuple[str, ...]) -> str:
    scheme = urlsplit(url).scheme
    if scheme not in allowed:
        raise ValueError(f"unknown scheme {scheme or '(none)'!r}; expected one of {', '.join(allowed)}")
    return url


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning a validation failure into one line per bad setting."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise SettingsError(_describe(exc)) from None


def _describe(exc: ValidationError) -> str:
    lines = []
    for error in exc.errors():
        name = "CONCORD_" + "_".join(str(part) for part in error["loc"]).upper()
        reason = error["msg"].removeprefix("Value error, ")
        lines.append(f"{name}={error.get('input')!r} is not valid: {reason}")
    return "; ".join(lines)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read on first use."""
    return load_settings()
