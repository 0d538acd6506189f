"""The runbook (docs/operations.md) stays true to the code: its GraphQL is valid against the schema,
its `concord` commands exist, and every metric it lists is registered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from dramatiq.brokers.stub import StubBroker
from graphql import parse, validate
from typer.testing import CliRunner

import api.observability.metrics  # noqa: F401 - registers the API's metrics
import workers.bot_metrics  # noqa: F401 - registers the bot run metrics
import workers.middleware.metrics  # noqa: F401 - registers the job metrics
from api.schema import schema
from infra.cli.main import app
from infra.metrics import REGISTRY
from workers.queue_depth import QUEUE_DEPTH

RUNBOOK = (Path(__file__).resolve().parents[3] / "docs" / "operations.md").read_text()


OPERATIONS = [
    operation
    for block in re.findall(r"```graphql\n(.*?)```", RUNBOOK, re.S)
    for operation in re.split(r"\n(?=[{a-z])", block.strip())  # a block may hold several operations, one per paragraph
]


@pytest.mark.parametrize("operation", OPERATIONS)
def test_its_graphql_is_valid_against_the_schema(operation):
    errors = validate(schema._schema, parse(re.sub(r'"<[^">]+>"', '"x"', operation)))

    assert errors == []


@pytest.mark.parametrize("command", sorted(set(re.findall(r"`concord ([a-z -]+?)`", RUNBOOK))))
def test_its_commands_exist(command):
    result = CliRunner().invoke(app, [*command.split(), "--help"])

    assert result.exit_code == 0, result.output


def test_every_metric_it_lists_is_registered():
    listed = set(re.findall(r"^\| `(concord_[a-z_]+)`", RUNBOOK, re.M))
    QUEUE_DEPTH.broker, previous = StubBroker(), QUEUE_DEPTH.broker  # queue depth is collected only beside a broker
    try:
        registered = {family.name.removesuffix("_total") + ("_total" if family.type == "counter" else "") for family in REGISTRY.collect()}
    finally:
        QUEUE_DEPTH.broker = previous

    assert listed and listed <= registered, listed - registered
