"""Conventions every registered tenant model and every domain service keeps (no database needed)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

from tortoise import fields

from infra.db.config import MODEL_MODULES
from tenants.ownership import TenantOwnedModel

DOMAIN = Path(__file__).resolve().parents[2] / "domain"
QUERY_METHODS = {"all", "filter", "exclude", "get", "get_or_none", "first", "create", "bulk_create", "get_or_create", "update_or_create", "annotate", "select_for_update", "raw"}


def tenant_models() -> list[type[TenantOwnedModel]]:
    for module in MODEL_MODULES:
        importlib.import_module(module)
    found, pending = [], list(TenantOwnedModel.__subclasses__())
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        if not model._meta.abstract and model.__module__ in MODEL_MODULES:
            found.append(model)
    return found


def test_tenant_id_leads_every_index_and_unique_constraint():
    offenders = []
    for model in tenant_models():
        for kind in ("unique_together", "indexes"):
            for columns in getattr(model._meta, kind) or ():
                columns = getattr(columns, "fields", columns)
                if list(columns)[0] != "tenant_id":
                    offenders.append(f"{model.__name__}.{kind}: {columns}")
    assert offenders == []


def test_no_model_docstring_contains_a_semicolon():
    assert [model.__name__ for model in tenant_models() if ";" in (model.__doc__ or "")] == []


def test_amounts_are_decimal_never_float():
    floats, odd_decimals = [], []
    for model in tenant_models():
        for name, field in model._meta.fields_map.items():
            if isinstance(field, fields.FloatField):
                floats.append(f"{model.__name__}.{name}")
            if isinstance(field, fields.DecimalField) and (field.max_digits, field.decimal_places) != (18, 4):
                if not name.endswith("_rate"):
                    odd_decimals.append(f"{model.__name__}.{name}")
    assert floats == [] and odd_decimals == []


def test_domain_code_reaches_tenant_rows_only_through_scoped_queries():
    model_names = {model.__name__ for model in tenant_models()}
    offenders = []
    for path in DOMAIN.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in QUERY_METHODS
                and isinstance(node.value, ast.Name)
                and node.value.id in model_names
            ):
                offenders.append(f"{path.relative_to(DOMAIN)}:{node.lineno} {node.value.id}.{node.attr}")
    assert offenders == []


# An area's service is its API and its events module the vocabulary it publishes (event types and
# payload fields); both are contracts other areas may depend on. Models and internals are not.
PUBLIC_MODULES = ("service", "events")


def test_areas_reach_each_other_through_services_never_models():
    offenders = []
    for path in DOMAIN.rglob("*.py"):
        area = path.relative_to(DOMAIN).parts[0]
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("domain."):
                parts = node.module.split(".")
                if len(parts) >= 3 and parts[1] != area and parts[2] not in PUBLIC_MODULES and parts[1] not in ("outbox", "sequences"):
                    offenders.append(f"{path.relative_to(DOMAIN)}: from {node.module}")
                if len(parts) == 2 and parts[1] != area and any(alias.name not in PUBLIC_MODULES for alias in node.names):
                    if parts[1] in {"crm", "sales", "marketing", "service", "hr", "finance", "operations", "legal", "it"}:
                        offenders.append(f"{path.relative_to(DOMAIN)}: from {node.module} import ...")
    assert offenders == []
