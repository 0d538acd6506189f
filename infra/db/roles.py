"""The two PostgreSQL roles: the schema owner that migrates, the application role that serves."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from tortoise import connections

from infra.settings import Environment, Settings

log = logging.getLogger(__name__)


class UnsafeDatabaseRole(Exception):
    """The application would connect as a role that bypasses row-level security."""


def role_of(url: str) -> str | None:
    return urlsplit(url).username


async def grant_application_role(role: str) -> None:
    """Let the application role use every table and sequence the owner created (RLS still applies)."""
    client = connections.get("default")
    quoted = '"' + role.replace('"', '""') + '"'
    await client.execute_script(
        f"GRANT USAGE ON SCHEMA public TO {quoted};"
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted};"
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted};"
    )


async def check_application_role(settings: Settings) -> None:
    """Refuse (in production) or warn (in development) when the role bypasses row-level security."""
    rows = await connections.get("default").execute_query_dict(
        "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"
    )
    if not rows or not (rows[0]["rolsuper"] or rows[0]["rolbypassrls"]):
        return
    message = (
        f"CONCORD_DATABASE_URL connects as {role_of(settings.database_url)!r}, a role that bypasses "
        "row-level security: connect as an application role without SUPERUSER or BYPASSRLS"
    )
    if settings.environment is Environment.PRODUCTION:
        raise UnsafeDatabaseRole(message)
    log.warning(message)
