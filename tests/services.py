"""The real services a test may need, named by environment variables; absent ones skip (or fail in CI)."""

from __future__ import annotations

import os
import uuid

import pytest

POSTGRES_URL_ENV = "CONCORD_TEST_POSTGRES_URL"
REDIS_URL_ENV = "CONCORD_TEST_REDIS_URL"
RABBITMQ_URL_ENV = "CONCORD_TEST_RABBITMQ_URL"

# Redis keys of this test run: two runs on one machine (or a run and a developer's worker) must not
# flush or consume each other's queues. Set in the environment so that in-process settings and the
# `concord` processes a test starts both use it.
BROKER_NAMESPACE = f"concord-test-{uuid.uuid4().hex[:8]}"
os.environ["CONCORD_BROKER_NAMESPACE"] = BROKER_NAMESPACE


def require_service(env_name: str) -> str:
    """The service URL in `env_name`; without it the test skips, or fails when CI is set."""
    url = os.environ.get(env_name)
    if url:
        return url
    reason = f"{env_name} is not set: this test needs that real service"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, and CI must run it", pytrace=False)
    pytest.skip(reason)
