"""Automation's lists through the graph: each takes a filter and an orderBy; a value outside a closed set is a typed error."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain.automation import jobs as job_records
from domain.automation import service as automation_service
from tenants.context import tenant_transaction

TICKET = {"type": "create_ticket", "params": {"subject": "Follow up"}}


async def failed_job(*, message_id: str, actor: str, queue: str) -> None:
    await job_records.record_job(
        message_id=message_id, actor=actor, queue=queue, idempotency_key=message_id, args=[], kwargs={}, trace_id=None
    )
    await job_records.mark_failed(message_id=message_id, error="RuntimeError: portal down")


def names(data: dict, field: str, key: str = "name") -> list:
    return [edge["node"][key] for edge in data[field]["edges"]]


async def test_failed_jobs_narrow_by_actor_queue_and_time_and_sort(graphql, tenant):
    async with tenant_transaction(tenant.id):
        await failed_job(message_id="m-1", actor="finance.check_overdue_invoices", queue="finance")
        await failed_job(message_id="m-2", actor="bots.start_run", queue="bots")
        await failed_job(message_id="m-3", actor="bots.start_run", queue="bots")
    query = """
    query($filter: FailedJobFilter, $orderBy: JobOrder) {
      failedJobs(filter: $filter, orderBy: $orderBy) { totalCount edges { node { messageId actor queue } } }
    }
    """

    bots = await graphql.execute(query, {"filter": {"actor": "bots.start_run", "queue": "bots"}, "orderBy": {"field": "CREATED_AT", "direction": "ASC"}}, api_key=tenant.api_key)
    later = await graphql.execute(query, {"filter": {"since": (datetime.now(UTC) + timedelta(hours=1)).isoformat()}}, api_key=tenant.api_key)
    everything = await graphql.execute(query, {"orderBy": {"field": "ACTOR", "direction": "ASC"}}, api_key=tenant.api_key)

    assert names(bots, "failedJobs", "messageId") == ["m-2", "m-3"]
    assert later["failedJobs"]["totalCount"] == 0
    assert names(everything, "failedJobs", "actor") == ["bots.start_run", "bots.start_run", "finance.check_overdue_invoices"]


async def test_rules_narrow_by_event_type_and_enabled_and_sort(graphql, tenant):
    async with tenant_transaction(tenant.id):
        await automation_service.create_rule(name="Won deals", event_type="sales.deal_won", condition=None, action=TICKET, saved_by="test")
        await automation_service.create_rule(name="Another won deal", event_type="sales.deal_won", condition=None, action=TICKET, saved_by="test")
        disabled = await automation_service.create_rule(name="Lost deals", event_type="sales.deal_lost", condition=None, action=TICKET, saved_by="test")
        await automation_service.disable_rule(rule_id=disabled.id, saved_by="test")
    query = "query($filter: RuleFilter, $orderBy: RuleOrder) { rules(filter: $filter, orderBy: $orderBy) { edges { node { name } } } }"

    won = await graphql.execute(query, {"filter": {"eventType": "sales.deal_won"}, "orderBy": {"field": "NAME", "direction": "DESC"}}, api_key=tenant.api_key)
    off = await graphql.execute(query, {"filter": {"enabled": False}}, api_key=tenant.api_key)

    assert names(won, "rules") == ["Won deals", "Another won deal"]
    assert names(off, "rules") == ["Lost deals"]


async def test_an_unknown_event_type_or_job_in_a_filter_is_bad_user_input_naming_it(graphql, tenant):
    rules = (await graphql.post('{ rules(filter: {eventType: "sales.deal_exploded"}) { totalCount } }', api_key=tenant.api_key)).json()
    schedules = (await graphql.post('{ schedules(filter: {job: "finance.print_money"}) { totalCount } }', api_key=tenant.api_key)).json()

    assert rules["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": ["filter", "eventType"], "reason": "UNKNOWN_EVENT"}
    assert rules["errors"][0]["message"].startswith("filter.eventType: 'sales.deal_exploded' is not an event")
    assert schedules["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert schedules["errors"][0]["extensions"]["field"] == ["filter", "job"]


async def test_a_rule_outcome_outside_the_enum_is_a_validation_error(graphql, tenant):
    body = (await graphql.post("{ ruleExecutions(filter: {outcome: EXPLODED}) { totalCount } }", api_key=tenant.api_key)).json()

    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "EXPLODED" in body["errors"][0]["message"]


async def test_schedules_narrow_by_job_and_enabled_and_sort(graphql, tenant):
    async with tenant_transaction(tenant.id):
        await automation_service.create_schedule(name="Overdue nightly", cron="0 2 * * *", job="finance.check_overdue_invoices")
        await automation_service.create_schedule(name="Overdue hourly", cron="0 * * * *", job="finance.check_overdue_invoices")
        vat = await automation_service.create_schedule(name="Month-end VAT", cron="0 3 1 * *", job="finance.month_end_vat", params={"currency": "EUR", "vat_number": "DE123456789"})
        await automation_service.set_schedule_enabled(schedule_id=vat.id, enabled=False)
    query = "query($filter: ScheduleFilter, $orderBy: ScheduleOrder) { schedules(filter: $filter, orderBy: $orderBy) { edges { node { name } } } }"

    overdue = await graphql.execute(query, {"filter": {"job": "finance.check_overdue_invoices"}, "orderBy": {"field": "NAME", "direction": "DESC"}}, api_key=tenant.api_key)
    disabled = await graphql.execute(query, {"filter": {"enabled": False}}, api_key=tenant.api_key)

    assert names(overdue, "schedules") == ["Overdue nightly", "Overdue hourly"]
    assert names(disabled, "schedules") == ["Month-end VAT"]


async def test_work_items_narrow_by_assignee_and_sort_oldest_first(graphql, tenant):
    async with tenant_transaction(tenant.id):
        for number in range(3):
            await automation_service.open_work_item(kind="payment_match", subject_key=f"line-{number}", title=f"Match line {number}", details={}, assignee="ann" if number else "bob")
    query = "query($filter: WorkItemFilter, $orderBy: WorkItemOrder) { workItems(filter: $filter, orderBy: $orderBy) { edges { node { title } } } }"

    anns = await graphql.execute(query, {"filter": {"assignee": "ann"}, "orderBy": {"field": "CREATED_AT", "direction": "ASC"}}, api_key=tenant.api_key)

    assert names(anns, "workItems", "title") == ["Match line 1", "Match line 2"]
