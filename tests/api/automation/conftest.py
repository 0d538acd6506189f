"""Automation tests clone one migrated template database per backend (see tests/domain/conftest.py)."""

from tests.api.reports.templates import migrated_templates  # noqa: F401
from tests.domain.conftest import test_database  # noqa: F401
