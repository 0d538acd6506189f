"""One migrated template database per backend for all the back-office API tests.

Migrating costs many seconds per database, so instead of migrating one per test module, each module
gets a clone of a template migrated once per session (see tests/domain/conftest.py, whose
`test_database` fixture each area's conftest imports). The template is shared across the area
directories through this module, so it is built once however many areas run.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.domain.conftest import Templates

_shared: list[Templates] = []


@pytest.fixture(scope="session")
def migrated_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    first = not _shared
    if first:
        _shared.append(Templates(tmp_path_factory.mktemp("back-office-template")))
    try:
        yield _shared[0]
    finally:
        if first:
            _shared[0].close()
