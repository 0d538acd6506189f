"""/metrics in Prometheus format: operations by name, latency, and errors by code (refused requests included)."""

from __future__ import annotations


async def test_operations_and_errors_are_counted_without_tenant_labels(graphql, tenant):
    await graphql.execute("query ListCustomers { customers(first: 1) { totalCount } }", api_key=tenant.api_key)
    await graphql.post("query Broken { nope }", api_key=tenant.api_key)

    response = await graphql.http.get("/metrics")

    text = response.text
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    assert 'concord_graphql_operations_total{operation_name="ListCustomers",operation_type="query"}' in text
    assert 'concord_graphql_operation_duration_seconds_bucket{le="0.005",operation_name="ListCustomers",operation_type="query"}' in text
    assert 'concord_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}' in text
    assert str(tenant.id) not in text and tenant.slug not in text


async def test_requests_refused_before_any_operation_count_their_error_code(graphql, tenant):
    await graphql.post("query Anonymous { customers(first: 1) { totalCount } }", api_key="cnk_not_a_key")
    await graphql.http.put("/graphql", json={"query": "{ __typename }"}, headers={"Authorization": f"Bearer {tenant.api_key}"})

    text = (await graphql.http.get("/metrics")).text

    assert 'concord_graphql_errors_total{code="UNAUTHENTICATED"}' in text
    assert 'concord_graphql_errors_total{code="METHOD_NOT_ALLOWED"}' in text
