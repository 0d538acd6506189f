"""`POST /auth/token`: a user signs in with email, password and tenant and gets a bearer JWT (an operator omits the tenant)."""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import JSONResponse

from api.auth import token_verifier
from api.auth_gate import error_response
from tenants.audit import Outcome, record_audit
from tenants.context import tenant_transaction
from tenants.errors import TenantError, TenantErrorCode
from tenants.rate_limits import RequestLimits
from tenants.users import check_operator_password, check_password

FIELDS = ("email", "password")


def token_endpoint(settings, limits: RequestLimits):
    verifier = token_verifier(settings)

    async def issue_token(request: Request) -> JSONResponse:
        source = request.client.host if request.client else "unknown"
        try:
            await limits.refuse_if_blocked(source)
            form = await _credentials(request)
            try:
                token = await _sign_in(form, verifier, settings.access_token_ttl_seconds)
            except TenantError:
                await limits.record_failure(source)
                raise
        except TenantError as error:
            return error_response(error)
        return JSONResponse(
            {"access_token": token, "token_type": "Bearer", "expires_in": settings.access_token_ttl_seconds},
            headers={"Cache-Control": "no-store"},
        )

    return issue_token


async def _sign_in(form: dict[str, str], verifier, ttl_seconds: int) -> str:
    """A tenant token for `tenant`'s member, or a platform token for an operator who names no tenant."""
    if not form.get("tenant"):
        operator = await check_operator_password(email=form["email"], password=form["password"])
        return verifier.issue_platform(user_id=operator.id, ttl_seconds=ttl_seconds)
    user, tenant = await check_password(email=form["email"], password=form["password"], tenant_slug=form["tenant"])
    async with tenant_transaction(tenant.id):
        await record_audit(actor=f"user:{user.id}", action="login", outcome=Outcome.SUCCEEDED)
    return verifier.issue(user_id=user.id, tenant_id=tenant.id, ttl_seconds=ttl_seconds)


async def _credentials(request: Request) -> dict[str, str]:
    try:
        body = await request.json() if "json" in request.headers.get("content-type", "") else dict(await request.form())
    except (json.JSONDecodeError, ValueError):
        body = None
    if not isinstance(body, dict) or not all(isinstance(body.get(name), str) and body[name] for name in FIELDS):
        raise TenantError(TenantErrorCode.UNAUTHENTICATED, "send email, password and tenant (operators: no tenant)")
    tenant = body.get("tenant")
    return {"email": body["email"], "password": body["password"], "tenant": tenant if isinstance(tenant, str) else ""}
