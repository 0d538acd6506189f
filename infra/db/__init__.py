"""Database setup: the Tortoise configuration, connecting, migrating and health checks."""

from infra.db.config import APP_LABEL, MODEL_MODULES, tortoise_config
from infra.db.lifecycle import DatabaseUnavailable, check_database, close_database, open_database, run_migrations

__all__ = [
    "APP_LABEL",
    "MODEL_MODULES",
    "DatabaseUnavailable",
    "check_database",
    "close_database",
    "open_database",
    "run_migrations",
    "tortoise_config",
]
