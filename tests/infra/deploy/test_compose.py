"""The production Compose file and the collector configuration hold together."""

from __future__ import annotations

from pathlib import Path

import yaml

DEPLOY = Path(__file__).resolve().parents[3] / "infra" / "deploy"
CONCORD_SERVICES = ["migrate", "api-1", "api-2", "worker"]
LONG_RUNNING = ["postgres", "redis", "jaeger", "otel-collector", "api-1", "api-2", "worker"]
REQUIRED_ENV = ["CONCORD_DATABASE_URL", "CONCORD_BROKER_URL", "CONCORD_SECRET_KEY", "CONCORD_OTLP_ENDPOINT", "CONCORD_ENVIRONMENT"]


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_every_part_of_the_deployment_is_a_service():
    services = compose()["services"]

    assert set(LONG_RUNNING + ["migrate"]) <= set(services)


def test_long_running_services_have_healthchecks():
    services = compose()["services"]

    assert [name for name in LONG_RUNNING if "test" not in services[name].get("healthcheck", {})] == []


def test_concord_services_get_the_settings_they_need_and_run_from_the_image():
    services = compose()["services"]

    for name in CONCORD_SERVICES:
        environment = services[name]["environment"]
        assert [key for key in REQUIRED_ENV if key not in environment] == [], name
        assert services[name]["build"]["dockerfile"] == "infra/deploy/Dockerfile"
    assert services["migrate"]["environment"]["CONCORD_MIGRATION_DATABASE_URL"].startswith("postgres://concord_owner")
    assert "concord_app" in services["api-1"]["environment"]["CONCORD_DATABASE_URL"]


def test_migrations_run_once_and_first():
    services = compose()["services"]

    assert services["migrate"]["command"] == ["migrate"] and services["migrate"]["restart"] == "no"
    for name in ["api-1", "api-2", "worker"]:
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_two_api_servers_and_a_worker():
    services = compose()["services"]

    assert services["api-1"]["command"][0] == services["api-2"]["command"][0] == "serve"
    assert services["worker"]["command"] == ["worker"]


def test_the_worker_serves_its_metrics_where_prometheus_can_reach_them():
    worker = compose()["services"]["worker"]

    port = worker["environment"]["CONCORD_WORKER_METRICS_PORT"]
    assert worker["environment"]["CONCORD_HOST"] == "0.0.0.0" and port in worker["expose"]


def test_secrets_are_required_from_the_environment_not_written_in_the_file():
    text = (DEPLOY / "compose.yaml").read_text()

    assert "${CONCORD_SECRET_KEY:?" in text and "${CONCORD_APP_DB_PASSWORD:?" in text


def test_the_collector_pipeline_uses_only_components_it_defines():
    config = yaml.safe_load((DEPLOY / "otel-collector.yaml").read_text())
    pipeline = config["service"]["pipelines"]["traces"]

    assert set(pipeline["receivers"]) <= set(config["receivers"])
    assert set(pipeline["processors"]) <= set(config["processors"])
    assert set(pipeline["exporters"]) <= set(config["exporters"])
    assert config["receivers"]["otlp"]["protocols"]["http"]["endpoint"].endswith(":4318")


def test_the_image_installs_chromium_for_the_bots_and_the_locked_dependencies():
    dockerfile = (DEPLOY / "Dockerfile").read_text()

    assert "chromium" in dockerfile and "CONCORD_CHROMIUM_PATH=/usr/bin/chromium" in dockerfile
    assert "--require-hashes -r requirements.lock" in dockerfile
