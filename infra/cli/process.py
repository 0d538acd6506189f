"""What every long-running command does first: read settings, set up logs and traces."""

from __future__ import annotations

from infra.logging import configure_logging, register_tenant_lookup
from infra.settings import Settings, load_settings
from infra.telemetry import configure_tracing


def prepare_process(*, role: str, **overrides: object) -> Settings:
    """Settings, JSON logs and the TracerProvider for a process that does `role`."""
    from tenants.context import peek_tenant_id

    settings = load_settings(**overrides)
    configure_logging(settings)
    register_tenant_lookup(peek_tenant_id)
    configure_tracing(settings, role=role)
    return settings
