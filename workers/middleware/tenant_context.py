"""Every message belongs to one tenant: stamped when sent, re-checked before it runs."""

from __future__ import annotations

import logging
from collections.abc import Callable

import dramatiq
from dramatiq.middleware import Middleware, SkipMessage

from tenants.context import peek_tenant_id
from workers.message_options import CONCORD_OPTIONS, TENANT_ID, tenant_of

log = logging.getLogger(__name__)
SUSPENDED_RETRY_DELAY_MS = 60_000


class TenantContext(Middleware):
    """Stamps outgoing messages with the current tenant and refuses to run a message without one.

    A message with no tenant is failed (dead-lettered), never run. A message of a suspended tenant
    is put back with a delay instead of running, so the tenant's work pauses and resumes intact.
    `is_active(tenant_id)` answers whether a tenant may run work now.
    """

    def __init__(self, is_active: Callable[[object], bool], *, pause_delay_ms: int = SUSPENDED_RETRY_DELAY_MS) -> None:
        self.is_active = is_active
        self.pause_delay_ms = pause_delay_ms

    @property
    def actor_options(self) -> set[str]:
        return set(CONCORD_OPTIONS)

    def before_enqueue(self, broker: dramatiq.Broker, message: dramatiq.Message, delay: int) -> None:
        if TENANT_ID not in message.options and (tenant_id := peek_tenant_id()) is not None:
            message.options[TENANT_ID] = str(tenant_id)

    def before_process_message(self, broker: dramatiq.Broker, message: dramatiq.Message) -> None:
        tenant_id = tenant_of(message)
        if tenant_id is None:
            log.error("message without a tenant dead-lettered", extra={"message_id": message.message_id, "actor": message.actor_name})
            message.fail()
            raise SkipMessage("no tenant_id in the message options")
        if not self.is_active(tenant_id):
            broker.enqueue(message.copy(), delay=self.pause_delay_ms)
            raise SkipMessage(f"tenant {tenant_id} is suspended: message put back for later")
