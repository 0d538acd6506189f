"""Settings come from CONCORD_* variables, and a wrong one is named with its value."""

from __future__ import annotations

import pytest

from infra.settings import SettingsError, load_settings


def test_defaults_are_the_embedded_setup(monkeypatch):
    for name in ("CONCORD_DATABASE_URL", "CONCORD_BROKER_URL", "CONCORD_PORT", "CONCORD_HOST"):
        monkeypatch.delenv(name, raising=False)

    settings = load_settings()

    assert settings.database_url == "sqlite://var/concord.sqlite3"
    assert settings.broker_kind == "stub"
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)


def test_settings_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("CONCORD_DATABASE_URL", "postgres://app@db:5432/concord")
    monkeypatch.setenv("CONCORD_BROKER_URL", "amqp://guest:guest@mq:5672/%2F")
    monkeypatch.setenv("CONCORD_PORT", "9000")

    settings = load_settings()

    assert settings.database_is_postgres
    assert settings.broker_kind == "amqp"
    assert settings.port == 9000


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("CONCORD_PORT", "eighty", "CONCORD_PORT='eighty' is not valid"),
        ("CONCORD_PORT", "70000", "CONCORD_PORT='70000' is not valid: Input should be less than or equal to 65535"),
        ("CONCORD_DATABASE_URL", "mysql://db/x", "CONCORD_DATABASE_URL='mysql://db/x' is not valid: unknown scheme 'mysql'"),
        ("CONCORD_BROKER_URL", "kafka://k:9092", "CONCORD_BROKER_URL='kafka://k:9092' is not valid: unknown scheme 'kafka'"),
        ("CONCORD_LOG_LEVEL", "LOUD", "CONCORD_LOG_LEVEL='LOUD' is not valid: unknown log level 'LOUD'"),
        ("CONCORD_LOG_LEVELS", "workers=LOUD", "CONCORD_LOG_LEVELS='workers=LOUD' is not valid: unknown log level 'LOUD'"),
        ("CONCORD_LOG_LEVELS", "workers", "CONCORD_LOG_LEVELS='workers' is not valid: 'workers' is not name=LEVEL"),
    ],
)
def test_a_wrong_setting_is_named_with_its_value(monkeypatch, variable, value, expected):
    monkeypatch.setenv(variable, value)

    with pytest.raises(SettingsError) as raised:
        load_settings()

    assert expected in str(raised.value)


def test_per_logger_levels_are_parsed():
    settings = load_settings(log_levels="tortoise=warning, dramatiq=DEBUG")

    assert settings.logger_levels == {"tortoise": "WARNING", "dramatiq": "DEBUG"}
