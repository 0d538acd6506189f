"""Legal domain events. A contract coming up for renewal is computed on read, not announced."""

from __future__ import annotations

from typing import Any

from domain.legal.models import Contract
from domain.outbox.payloads import payload

CONTRACT_CREATED = "legal.contract_created"
CONTRACT_NOTICE_GIVEN = "legal.contract_notice_given"
CONTRACT_TERMINATED = "legal.contract_terminated"


def contract_state(contract: Contract) -> dict[str, Any]:
    return payload(
        contract_id=contract.id,
        number=contract.number,
        status=contract.status,
        value=contract.value,
        currency=contract.currency,
        renewal_date=contract.renewal_date,
        notice_deadline=contract.notice_deadline,
        ends_on=contract.ends_on,
    )
