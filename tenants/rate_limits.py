"""How often a source may fail to authenticate, and how many requests a tenant may make a minute."""

from __future__ import annotations

import math
import time
import uuid

from limits import RateLimitItemPerMinute, RateLimitItemPerSecond
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from tenants.errors import TenantError, TenantErrorCode


class RequestLimits:
    """Failed-authentication and per-tenant request limits, kept in `storage_uri` (memory or Redis)."""

    def __init__(
        self, *, storage_uri: str, failures_allowed: int, failure_window_seconds: int, tenant_requests_per_minute: int
    ) -> None:
        self._limiter = MovingWindowRateLimiter(storage_from_string(storage_uri))
        self._failures = RateLimitItemPerSecond(failures_allowed, failure_window_seconds)
        self._default_per_minute = tenant_requests_per_minute

    async def refuse_if_blocked(self, source: str) -> None:
        """RATE_LIMITED while `source` has used up its failed authentications."""
        if not await self._limiter.test(self._failures, "auth-failures", source):
            raise await self._limited(self._failures, ("auth-failures", source), "too many failed authentications")

    async def record_failure(self, source: str) -> None:
        await self._limiter.hit(self._failures, "auth-failures", source)

    async def take_tenant_request(self, tenant_id: uuid.UUID, *, per_minute: int | None = None) -> None:
        """Count one request against the tenant's quota; RATE_LIMITED with a retry time when it is spent."""
        limit = per_minute if per_minute is not None else self._default_per_minute
        if limit <= 0:
            return
        item = RateLimitItemPerMinute(limit)
        if not await self._limiter.hit(item, "tenant", str(tenant_id)):
            raise await self._limited(item, ("tenant", str(tenant_id)), "the tenant's request quota is used up")

    async def _limited(self, item, identifiers: tuple[str, ...], message: str) -> TenantError:
        stats = await self._limiter.get_window_stats(item, *identifiers)
        retry_after = max(1, math.ceil(stats.reset_time - time.time()))
        return TenantError(TenantErrorCode.RATE_LIMITED, f"{message}: retry in {retry_after} s", retry_after=retry_after)
