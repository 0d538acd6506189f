"""A wrong setting or an unreachable dependency at start-up: one clear line, non-zero exit, no traceback."""

from __future__ import annotations

import pytest

from tests.infra.cli.running import run_concord


def assert_one_line_without_traceback(result, *fragments: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.mark.parametrize("command", [["serve"], ["worker"], ["migrate"], ["demo"]])
def test_a_port_that_is_not_a_number_is_named(command):
    result = run_concord(*command, port="eighty")

    assert result.returncode == 2
    assert_one_line_without_traceback(result, "CONCORD_PORT='eighty'")


def test_an_unknown_database_scheme_is_named():
    result = run_concord("serve", database_url="mysql://db:3306/concord")

    assert result.returncode == 2
    assert_one_line_without_traceback(result, "CONCORD_DATABASE_URL='mysql://db:3306/concord'", "unknown scheme 'mysql'")


@pytest.mark.parametrize("command", [["serve"], ["worker"], ["migrate"]])
def test_an_unreachable_database_is_named(command):
    result = run_concord(*command, database_url="postgres://concord:secret@127.0.0.1:1/concord")

    assert result.returncode == 3
    assert_one_line_without_traceback(result, "CONCORD_DATABASE_URL='postgres://127.0.0.1:1/concord'", "database unavailable")
    assert "secret" not in result.stderr


@pytest.mark.parametrize("broker_url", ["redis://127.0.0.1:1/0", "amqp://guest:guest@127.0.0.1:1/%2F"])
def test_an_unreachable_broker_is_named(tmp_path, broker_url):
    result = run_concord("worker", database_url=f"sqlite://{tmp_path}/db.sqlite3", broker_url=broker_url)

    assert result.returncode == 3
    assert_one_line_without_traceback(result, "CONCORD_BROKER_URL=", "broker unavailable")
