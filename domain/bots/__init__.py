"""Bots as the tenant sees them: persisted runs with their steps, artifacts and questions; where the tenant's
portals are and how their canaries saw them; the exactly-once ledger of writes; the evidence chain; and
the limits that hold across workers. Reach it through `domain.bots.service`."""
