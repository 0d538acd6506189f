"""Each test module gets a clone of one migrated template database (see tests/api/reports/templates.py)."""

from tests.api.reports.templates import migrated_templates  # noqa: F401
from tests.domain.conftest import test_database  # noqa: F401
