"""Rule conditions evaluate the event's payload by each field's type, and never run code."""

from __future__ import annotations

from domain.automation.conditions import evaluate
from domain.automation.event_catalogue import EVENT_FIELDS

DEAL_WON = EVENT_FIELDS["sales.deal_won"]
PAYLOAD = {"amount": "1500.0000", "currency": "EUR", "closed_at": "2025-03-01T10:00:00+00:00", "changed_by": "ana"}


def holds(condition) -> bool:
    return evaluate(condition, PAYLOAD, DEAL_WON)


def test_amounts_compare_as_decimals_not_text():
    assert holds({"field": "amount", "op": "gt", "value": "1000"})
    assert not holds({"field": "amount", "op": "gt", "value": "900000"})  # as text, "1500" > "900000" would be false too; "9" > "1" would not


def test_all_any_and_not_combine():
    assert holds({"all": [{"field": "amount", "op": "gte", "value": 1500}, {"field": "currency", "op": "in", "value": ["EUR", "USD"]}]})
    assert holds({"any": [{"field": "currency", "op": "eq", "value": "GBP"}, {"field": "changed_by", "op": "contains", "value": "AN"}]})
    assert not holds({"not": {"field": "currency", "op": "eq", "value": "EUR"}})


def test_missing_fields_only_differ_and_exists_tells_them_apart():
    assert holds({"field": "stage_id", "op": "exists", "value": False})
    assert holds({"field": "stage_id", "op": "ne", "value": "x"})
    assert not holds({"field": "stage_id", "op": "eq", "value": "x"})


def test_datetimes_compare_in_time():
    assert holds({"field": "closed_at", "op": "lt", "value": "2025-03-02T00:00:00+00:00"})
