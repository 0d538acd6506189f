"""Roles, scopes and how keys narrow them."""

from __future__ import annotations

import pytest

from tenants.models import Role
from tenants.permissions import ROLE_SCOPES, Scope, UnknownScope, effective_scopes, parse_scopes


def test_a_front_office_user_reads_balances_but_not_salaries():
    scopes = ROLE_SCOPES[Role.FRONT_OFFICE]

    assert Scope.CRM_WRITE in scopes and Scope.FINANCE_READ in scopes
    assert Scope.HR_SALARIES not in scopes and Scope.HR_READ not in scopes


def test_only_admin_and_back_office_approve_payments():
    approvers = {role for role, scopes in ROLE_SCOPES.items() if Scope.FINANCE_APPROVE in scopes}

    assert approvers == {Role.ADMIN, Role.BACK_OFFICE}


def test_read_only_has_no_write_scope():
    assert all(scope.value.endswith(":read") for scope in ROLE_SCOPES[Role.READ_ONLY])


def test_a_key_narrows_its_role_and_never_widens_it():
    assert effective_scopes(Role.READ_ONLY, granted=["crm:read", "crm:write"]) == {Scope.CRM_READ}
    assert effective_scopes(Role.ADMIN, granted=["*"]) == frozenset(Scope)


def test_a_partner_key_gets_only_what_the_tenant_granted_partners():
    scopes = effective_scopes(Role.ADMIN, granted=["*"], partner_limit=["crm:read", "sales:read"])

    assert scopes == {Scope.CRM_READ, Scope.SALES_READ}


def test_an_unknown_scope_is_named():
    with pytest.raises(UnknownScope, match="'crm:delete'"):
        parse_scopes(["crm:read", "crm:delete"])
