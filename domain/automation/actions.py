"""The catalogue of rule actions and how their parameters are checked when a rule is saved.

An action is `{"type": <name>, "params": {…}}`. What each does is carried out by the worker
(workers/automation/rule_actions.py); here is what each needs:

- create_ticket: `subject` (required), `priority` (low|normal|high|urgent); the event must carry customer_id.
- assign: `employee_id` (required); assigns the event's ticket (ticket_id) or IT request (support_request_id).
- set_field: `field` (required, one of SETTABLE_FIELDS), `value` (required); the event must carry the subject's id.

An action that would re-trigger its own rule (a ticket created on a ticket event) is refused.
- call_webhook: `url` (required, https; http in development only; a public address: domain/automation/webhook_targets.py),
  `secret` (required, a vault secret name holding the signing key).
- start_bot_run: `bot` (required), `params` (an object, optional).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from domain.automation.errors import AutomationErrorCode
from domain.errors import DomainError


@dataclass(frozen=True)
class ActionSpec:
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    description: str = ""


ACTIONS: dict[str, ActionSpec] = {
    "create_ticket": ActionSpec(("subject",), ("priority",), "open a service ticket for the event's customer"),
    "assign": ActionSpec(("employee_id",), (), "assign the event's ticket or IT request to an employee"),
    "set_field": ActionSpec(("field", "value"), (), "set a field of the event's ticket or deal"),
    "call_webhook": ActionSpec(("url", "secret"), (), "POST the event, signed with HMAC-SHA256, to a URL"),
    "start_bot_run": ActionSpec(("bot",), ("params",), "start a bot run"),
}
TICKET_PRIORITIES = ("low", "normal", "high", "urgent")
# field name → (the event field naming the subject, allowed values or None for free text)
SETTABLE_FIELDS: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "ticket.priority": ("ticket_id", TICKET_PRIORITIES),
    "deal.owner": ("deal_id", None),
}
ASSIGNABLE_SUBJECTS = ("ticket_id", "support_request_id")


def _error(code: AutomationErrorCode, message: str, path: str) -> DomainError:
    return DomainError(code, message, field=path)


def validate_action(action: Any, fields: Mapping[str, str], *, bot_names: tuple[str, ...] | None = None) -> None:
    """Raise a DomainError naming the part of `action` that is wrong; `fields` are the event's payload fields."""
    if not isinstance(action, Mapping) or not isinstance(action.get("type"), str):
        raise _error(AutomationErrorCode.UNKNOWN_ACTION, "an action is {\"type\": …, \"params\": {…}}", "action.type")
    name = action["type"]
    spec = ACTIONS.get(name)
    if spec is None:
        raise _error(AutomationErrorCode.UNKNOWN_ACTION, f"unknown action {name!r}; use one of {', '.join(ACTIONS)}", "action.type")
    params = action.get("params", {})
    if not isinstance(params, Mapping):
        raise _error(AutomationErrorCode.INVALID_PARAMETER, "params is an object", "action.params")
    unknown = sorted(set(params) - set(spec.required) - set(spec.optional))
    if unknown:
        raise _error(AutomationErrorCode.INVALID_PARAMETER, f"{name} takes no parameter {unknown[0]!r}", f"action.params.{unknown[0]}")
    for required in spec.required:
        value = params.get(required)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise _error(AutomationErrorCode.MISSING_PARAMETER, f"{name} needs the parameter {required!r}", f"action.params.{required}")
    _CHECKS[name](params, fields, bot_names)


def _needs_event_field(fields: Mapping[str, str], field: str, name: str, path: str) -> None:
    if field not in fields:
        raise _error(AutomationErrorCode.UNKNOWN_FIELD, f"{name} needs an event carrying {field!r}; this event does not", path)


def _check_ticket(params: Mapping[str, Any], fields: Mapping[str, str], bot_names) -> None:
    _needs_event_field(fields, "customer_id", "create_ticket", "action.type")
    if "ticket_id" in fields:
        raise _error(AutomationErrorCode.INVALID_RULE, "a ticket created on a ticket event would start the rule again, forever", "action.type")
    if len(str(params["subject"])) > 200:
        raise _error(AutomationErrorCode.INVALID_PARAMETER, "subject is at most 200 characters", "action.params.subject")
    if "priority" in params and params["priority"] not in TICKET_PRIORITIES:
        raise _error(AutomationErrorCode.INVALID_PARAMETER, f"priority is one of {', '.join(TICKET_PRIORITIES)}", "action.params.priority")


def _check_assign(params: Mapping[str, Any], fields: Mapping[str, str], bot_names) -> None:
    if not any(subject in fields for subject in ASSIGNABLE_SUBJECTS):
        raise _error(AutomationErrorCode.UNKNOWN_FIELD, "assign needs an event about a ticket or an IT request", "action.type")
    try:
        uuid.UUID(str(params["employee_id"]))
    except ValueError:
        raise _error(AutomationErrorCode.INVALID_PARAMETER, "employee_id is an employee's id", "action.params.employee_id") from None


def _check_set_field(params: Mapping[str, Any], fields: Mapping[str, str], bot_names) -> None:
    target = params["field"]
    if target not in SETTABLE_FIELDS:
        raise _error(
            AutomationErrorCode.INVALID_PARAMETER, f"field is one of {', '.join(SETTABLE_FIELDS)}, not {target!r}", "action.params.field"
        )
    subject, allowed = SETTABLE_FIELDS[target]
    _needs_event_field(fields, subject, f"set_field {target}", "action.params.field")
    if allowed is not None and params["value"] not in allowed:
        raise _error(AutomationErrorCode.INVALID_PARAMETER, f"{target} is one of {', '.join(allowed)}", "action.params.value")
    if allowed is None and (not isinstance(params["value"], str) or len(params["value"]) > 80):
        raise _error(AutomationErrorCode.INVALID_PARAMETER, f"{target} is text of at most 80 characters", "action.params.value")


def _check_webhook(params: Mapping[str, Any], fields: Mapping[str, str], bot_names) -> None:
    parts = urlsplit(str(params["url"]))
    if parts.scheme not in ("http", "https") or not parts.hostname or len(str(params["url"])) > 2000:
        raise _error(AutomationErrorCode.INVALID_PARAMETER, "url is an http or https URL", "action.params.url")
    if not isinstance(params["secret"], str) or len(params["secret"]) > 120:
        raise _error(AutomationErrorCode.INVALID_PARAMETER, "secret is the name of a vault secret", "action.params.secret")


def _check_bot(params: Mapping[str, Any], fields: Mapping[str, str], bot_names) -> None:
    if bot_names is not None and params["bot"] not in bot_names:
        raise _error(AutomationErrorCode.INVALID_PARAMETER, f"unknown bot {params['bot']!r}; use one of {', '.join(bot_names)}", "action.params.bot")
    if "params" in params and not isinstance(params["params"], Mapping):
        raise _error(AutomationErrorCode.INVALID_PARAMETER, "params of a bot run is an object", "action.params.params")


_CHECKS = {
    "create_ticket": _check_ticket,
    "assign": _check_assign,
    "set_field": _check_set_field,
    "call_webhook": _check_webhook,
    "start_bot_run": _check_bot,
}
