"""Turning business values into JSON-safe event payloads (ids and values, no personal data)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any


def json_value(value: Any) -> Any:
    """`value` as JSON: UUIDs and Decimals as strings, dates in ISO 8601, enums by value."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): json_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    return value


def payload(**values: Any) -> dict[str, Any]:
    """A JSON-safe payload from keyword values."""
    return {key: json_value(value) for key, value in values.items()}
