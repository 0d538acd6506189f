"""Wall 1: code in api/, workers/ and bots/ reaches tenant data only through tenant-scoped helpers."""

from __future__ import annotations

from pathlib import Path

from tenants.ownership import TenantOwnedModel
from tests.security.scoping import scan, unscoped_queries

ROOT = Path(__file__).resolve().parents[2]
GUARDED = ["api", "workers", "bots"]


def tenant_owned_model_names() -> set[str]:
    import importlib

    from infra.db.config import MODEL_MODULES

    for module in MODEL_MODULES:
        importlib.import_module(module)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    return {model.__name__ for model in subclasses(TenantOwnedModel)}


def test_the_checker_finds_a_direct_model_query():
    source = "from domain.crm.models import Customer as C\nasync def f():\n    return await C.filter(name='x')\n"

    findings = unscoped_queries(source, "api/example.py", {"Customer"})

    assert [finding.line for finding in findings] == [3]


def test_the_checker_accepts_scoped_queries():
    source = "from tenants.ownership import scoped\nasync def f(Customer):\n    return await scoped(Customer).filter(name='x')\n"

    assert unscoped_queries(source, "api/example.py", {"Customer"}) == []


def test_no_unscoped_tenant_model_query_in_api_workers_or_bots():
    names = tenant_owned_model_names()
    directories = [ROOT / name for name in GUARDED if (ROOT / name).exists()]

    findings = scan(directories, names, ROOT)

    assert len(names) >= 5  # the models were found, so an empty result means something
    assert findings == [], "query tenant data through tenants.ownership.scoped():\n" + "\n".join(map(str, findings))
