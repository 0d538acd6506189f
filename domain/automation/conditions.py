"""Rule conditions: a small JSON expression over an event's payload, checked when saved, never eval'd.

    {"all": [cond, …]}   every one holds          {"any": [cond, …]}   at least one holds
    {"not": cond}        it does not hold         {"field": "amount", "op": "gt", "value": "1000"}

Operators: eq, ne, in (value is a list), exists (no value) for every field; gt, gte, lt, lte for
decimal, int, date and datetime fields; contains for text fields. Values are given as strings (or
numbers, booleans) and read by the field's type, so "1000.50" compares as a decimal.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from domain.automation.errors import AutomationErrorCode
from domain.automation.event_catalogue import BOOL, DATE, DATETIME, DECIMAL, INT, TEXT
from domain.errors import DomainError

ORDERED = frozenset({DECIMAL, INT, DATE, DATETIME})
OPERATORS: dict[str, frozenset[str] | None] = {  # None: every field type
    "eq": None, "ne": None, "in": None, "exists": None,
    "gt": ORDERED, "gte": ORDERED, "lt": ORDERED, "lte": ORDERED,
    "contains": frozenset({TEXT}),
}
MAX_DEPTH = 5
MAX_TERMS = 50


def _error(code: AutomationErrorCode, message: str, path: str) -> DomainError:
    return DomainError(code, message, field=path)


def _typed(value: Any, kind: str) -> Any:
    """`value` read as a `kind` value; ValueError when it is not one."""
    if value is None:
        raise ValueError("no value")
    if kind == DECIMAL:
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise ValueError(value) from None
    if kind == INT:
        if isinstance(value, bool):
            raise ValueError(value)
        return int(str(value))
    if kind == DATE:
        return date.fromisoformat(str(value)[:10])
    if kind == DATETIME:
        return datetime.fromisoformat(str(value))
    if kind == BOOL:
        if isinstance(value, bool):
            return value
        if str(value).lower() in ("true", "false"):
            return str(value).lower() == "true"
        raise ValueError(value)
    return str(value)


def validate_condition(condition: Any, fields: Mapping[str, str], *, path: str = "condition") -> None:
    """Raise a DomainError naming the part of `condition` that is wrong (as a dotted input path)."""
    terms = [0]
    _validate(condition, fields, path, depth=0, terms=terms)


def _validate(node: Any, fields: Mapping[str, str], path: str, *, depth: int, terms: list[int]) -> None:
    terms[0] += 1
    if depth > MAX_DEPTH or terms[0] > MAX_TERMS:
        raise _error(AutomationErrorCode.INVALID_CONDITION, f"a condition nests at most {MAX_DEPTH} deep and has at most {MAX_TERMS} terms", path)
    if not isinstance(node, Mapping):
        raise _error(AutomationErrorCode.INVALID_CONDITION, "a condition is an object: all, any, not, or field/op/value", path)
    if "all" in node or "any" in node:
        key = "all" if "all" in node else "any"
        parts = node[key]
        if len(node) != 1 or not isinstance(parts, list) or not parts:
            raise _error(AutomationErrorCode.INVALID_CONDITION, f"{key!r} takes a non-empty list of conditions and nothing else", path)
        for index, part in enumerate(parts):
            _validate(part, fields, f"{path}.{key}.{index}", depth=depth + 1, terms=terms)
        return
    if "not" in node:
        if len(node) != 1:
            raise _error(AutomationErrorCode.INVALID_CONDITION, "'not' takes one condition and nothing else", path)
        _validate(node["not"], fields, f"{path}.not", depth=depth + 1, terms=terms)
        return
    _validate_comparison(node, fields, path)


def _validate_comparison(node: Mapping[str, Any], fields: Mapping[str, str], path: str) -> None:
    unknown_keys = set(node) - {"field", "op", "value"}
    if unknown_keys or "field" not in node or "op" not in node:
        raise _error(AutomationErrorCode.INVALID_CONDITION, "a comparison has field, op and (except for exists) value", path)
    field, op = node["field"], node["op"]
    if not isinstance(field, str) or field not in fields:
        known = ", ".join(sorted(fields))
        raise _error(AutomationErrorCode.UNKNOWN_FIELD, f"the event has no field {field!r}; its fields are {known}", f"{path}.field")
    kind = fields[field]
    if not isinstance(op, str) or op not in OPERATORS:
        raise _error(AutomationErrorCode.BAD_OPERATOR, f"unknown operator {op!r}; use one of {', '.join(OPERATORS)}", f"{path}.op")
    allowed = OPERATORS[op]
    if allowed is not None and kind not in allowed:
        raise _error(AutomationErrorCode.BAD_OPERATOR, f"{op!r} does not apply to {field!r}, a {kind} field", f"{path}.op")
    if op == "exists":
        if "value" in node and not isinstance(node["value"], bool):
            raise _error(AutomationErrorCode.BAD_VALUE, "exists takes true, false or no value", f"{path}.value")
        return
    if "value" not in node:
        raise _error(AutomationErrorCode.BAD_VALUE, f"{op!r} needs a value", f"{path}.value")
    values = node["value"] if op == "in" else [node["value"]]
    if op == "in" and (not isinstance(values, list) or not values):
        raise _error(AutomationErrorCode.BAD_VALUE, "'in' takes a non-empty list of values", f"{path}.value")
    for value in values:
        try:
            _typed(value, TEXT if op == "contains" else kind)
        except (ValueError, TypeError):
            raise _error(AutomationErrorCode.BAD_VALUE, f"{value!r} is not a {kind} value for {field!r}", f"{path}.value") from None


def evaluate(condition: Mapping[str, Any] | None, payload: Mapping[str, Any], fields: Mapping[str, str]) -> bool:
    """Whether a validated `condition` holds for `payload`; no condition always holds."""
    if condition is None:
        return True
    if "all" in condition:
        return all(evaluate(part, payload, fields) for part in condition["all"])
    if "any" in condition:
        return any(evaluate(part, payload, fields) for part in condition["any"])
    if "not" in condition:
        return not evaluate(condition["not"], payload, fields)
    field, op = condition["field"], condition["op"]
    kind = fields.get(field, TEXT)
    present = payload.get(field) is not None
    if op == "exists":
        return present == condition.get("value", True)
    if not present:
        return op == "ne"  # a missing value differs from any given one, and is not greater, less or equal
    try:
        actual = _typed(payload[field], kind)
        if op == "contains":
            return str(condition["value"]).lower() in str(actual).lower()
        if op == "in":
            return actual in [_typed(value, kind) for value in condition["value"]]
        expected = _typed(condition["value"], kind)
    except (ValueError, TypeError):
        return False  # a payload value of the wrong shape never matches
    return {
        "eq": actual == expected, "ne": actual != expected, "gt": actual > expected,
        "gte": actual >= expected, "lt": actual < expected, "lte": actual <= expected,
    }[op]
