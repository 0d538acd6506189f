"""Tenant rules: `when <event> [if <condition>] then <action>`, checked when saved, versioned, and
each run logged once per rule and event."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain.automation import webhook_targets
from domain.automation.actions import validate_action
from domain.automation.conditions import validate_condition
from domain.automation.errors import AutomationErrorCode
from domain.automation.event_catalogue import fields_of
from domain.automation.events import RULE_EXECUTED
from domain.automation.models import Rule, RuleExecution, RuleOutcome, RuleVersion
from domain.errors import DomainError
from domain.outbox import record_event
from domain.validation import required_text
from infra.settings import Settings, get_settings
from tenants import vault
from tenants.ownership import create_owned, scoped

_UNCHANGED: Any = object()
# Saving looks the webhook's name up once, briefly: a slow DNS must not hold the rule's transaction.
SAVE_RESOLVER = webhook_targets.SystemResolver(timeout=3.0)


def list_rules(*, event_type: str | None = None, enabled: bool | None = None, name_contains: str | None = None) -> QuerySet[Rule]:
    """The tenant's rules by name, optionally of one event type, only enabled or disabled ones, or by part of the name.

    An event type rules cannot use is refused (UNKNOWN_EVENT) rather than matching nothing."""
    query = scoped(Rule)
    if event_type is not None:
        if fields_of(event_type) is None:
            raise DomainError(AutomationErrorCode.UNKNOWN_EVENT, f"{event_type!r} is not an event rules can use", field="event_type")
        query = query.filter(event_type=event_type)
    if enabled is not None:
        query = query.filter(enabled=enabled)
    if name_contains:
        query = query.filter(name__icontains=name_contains)
    return query.order_by("name", "id")


async def get_rule_or_raise(*, rule_id: uuid.UUID, field: str = "id") -> Rule:
    rule = await scoped(Rule).get_or_none(id=rule_id)
    if rule is None:
        raise DomainError(AutomationErrorCode.NOT_FOUND, "rule not found", field=field)
    return rule


def rule_versions(*, rule_ids: list[uuid.UUID]) -> QuerySet[RuleVersion]:
    """The saved versions of these rules, each rule's newest first."""
    return scoped(RuleVersion).filter(rule_id__in=rule_ids).order_by("rule_id", "-version")


def rule_executions(
    *,
    rule_id: uuid.UUID | None = None,
    matched: bool | None = None,
    outcome: RuleOutcome | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> QuerySet[RuleExecution]:
    """Rule runs, most recent first, optionally of one rule, only matched (or unmatched) ones, of one outcome, run in [since, until)."""
    query = scoped(RuleExecution)
    if rule_id is not None:
        query = query.filter(rule_id=rule_id)
    if matched is not None:
        query = query.filter(matched=matched)
    if outcome is not None:
        query = query.filter(outcome=outcome)
    if since is not None:
        query = query.filter(created_at__gte=since)
    if until is not None:
        query = query.filter(created_at__lt=until)
    return query.order_by("-created_at", "-id")


async def _checked(
    *,
    event_type: str,
    condition: Mapping[str, Any] | None,
    action: Mapping[str, Any],
    bot_names: tuple[str, ...] | None,
    settings: Settings | None,
    resolver: webhook_targets.Resolver | None,
    enabled: bool = True,
) -> None:
    fields = fields_of(event_type)
    if fields is None:
        raise DomainError(AutomationErrorCode.UNKNOWN_EVENT, f"rules cannot react to {event_type!r}", field="event_type")
    if condition is not None:
        validate_condition(condition, fields)
    validate_action(action, fields, bot_names=bot_names)
    # A disabled rule sends nothing: it can always be switched off, even if its webhook was saved before this check.
    if action["type"] == "call_webhook" and enabled:
        await webhook_targets.check_saved_url(
            action["params"]["url"], settings=settings or get_settings(), resolver=resolver or SAVE_RESOLVER, field="action.params.url"
        )
    if action["type"] == "call_webhook" and not await vault.secrets().filter(name=action["params"]["secret"]).exists():
        raise DomainError(
            AutomationErrorCode.INVALID_PARAMETER, f"the vault has no secret named {action['params']['secret']!r}", field="action.params.secret"
        )


def _definition(rule: Rule) -> dict[str, Any]:
    return {"name": rule.name, "event_type": rule.event_type, "condition": rule.condition, "action": rule.action, "enabled": rule.enabled}


async def create_rule(
    *,
    name: str,
    event_type: str,
    action: Mapping[str, Any],
    saved_by: str,
    condition: Mapping[str, Any] | None = None,
    bot_names: tuple[str, ...] | None = None,
    settings: Settings | None = None,
    resolver: webhook_targets.Resolver | None = None,
) -> Rule:
    """Save a new rule as version 1, after checking its event, condition and action (a webhook's target
    under `settings`, its name looked up with `resolver`)."""
    name = required_text(name, field="name", max_length=120)
    await _checked(event_type=event_type, condition=condition, action=action, bot_names=bot_names, settings=settings, resolver=resolver)
    if await scoped(Rule).filter(name=name).exists():
        raise DomainError(AutomationErrorCode.NAME_TAKEN, f"a rule named {name!r} exists", field="name")
    async with in_transaction():
        rule = await create_owned(
            Rule, name=name, event_type=event_type, condition=dict(condition) if condition else None,
            action={"type": action["type"], "params": dict(action.get("params") or {})},
        )
        await create_owned(RuleVersion, rule=rule, version=1, definition=_definition(rule), saved_by=saved_by[:120])
    return rule


async def update_rule(
    *,
    rule_id: uuid.UUID,
    saved_by: str,
    name: str | None = None,
    event_type: str | None = None,
    condition: Mapping[str, Any] | None = _UNCHANGED,
    action: Mapping[str, Any] | None = None,
    enabled: bool | None = None,
    bot_names: tuple[str, ...] | None = None,
    settings: Settings | None = None,
    resolver: webhook_targets.Resolver | None = None,
) -> Rule:
    """Change a rule; the result is saved as its next version (the earlier ones stay readable)."""
    async with in_transaction():
        rule = await scoped(Rule).select_for_update().get_or_none(id=rule_id)
        if rule is None:
            raise DomainError(AutomationErrorCode.NOT_FOUND, "rule not found", field="id")
        if name is not None:
            name = required_text(name, field="name", max_length=120)
            if name != rule.name and await scoped(Rule).filter(name=name).exists():
                raise DomainError(AutomationErrorCode.NAME_TAKEN, f"a rule named {name!r} exists", field="name")
            rule.name = name
        rule.event_type = event_type or rule.event_type
        if condition is not _UNCHANGED:
            rule.condition = dict(condition) if condition else None
        if action is not None:
            rule.action = {"type": action.get("type"), "params": dict(action.get("params") or {})}
        if enabled is not None:
            rule.enabled = enabled
        await _checked(
            event_type=rule.event_type, condition=rule.condition, action=rule.action, bot_names=bot_names, settings=settings,
            resolver=resolver, enabled=rule.enabled,
        )
        rule.version += 1
        await rule.save()
        await create_owned(RuleVersion, rule=rule, version=rule.version, definition=_definition(rule), saved_by=saved_by[:120])
    return rule


async def disable_rule(*, rule_id: uuid.UUID, saved_by: str) -> Rule:
    """Stop a rule from running (a new version, disabled); `update_rule(enabled=True)` turns it back on."""
    rule = await get_rule_or_raise(rule_id=rule_id)
    if not rule.enabled:
        raise DomainError(AutomationErrorCode.RULE_DISABLED, "the rule is already disabled", field="id")
    return await update_rule(rule_id=rule_id, saved_by=saved_by, enabled=False)


async def enabled_rules_for(*, event_type: str) -> list[Rule]:
    """The enabled rules that react to `event_type`, by name."""
    return await list_rules(event_type=event_type, enabled=True)


async def record_execution(
    *, rule: Rule, event_id: uuid.UUID, matched: bool, outcome: str, detail: dict[str, Any] | None = None
) -> RuleExecution | None:
    """Log one run of `rule` for `event_id`; None when it was already logged (the event came twice)."""
    try:
        async with in_transaction():  # a savepoint: a duplicate must not spoil the caller's transaction
            execution = await create_owned(
                RuleExecution, rule=rule, rule_version=rule.version, event_id=event_id, matched=matched,
                outcome=outcome[:20], detail=detail or {},
            )
    except IntegrityError:
        return None
    await record_event(
        event_type=RULE_EXECUTED,
        payload={"rule_id": str(rule.id), "rule_version": rule.version, "event_id": str(event_id), "matched": matched, "outcome": outcome},
    )
    return execution


async def already_executed(*, rule: Rule, event_id: uuid.UUID) -> bool:
    return await scoped(RuleExecution).filter(rule_id=rule.id, event_id=event_id).exists()
