"""Automation's own events. They tell people what happened; no automation reacts to them."""

JOB_UPDATED = "automation.job_updated"
RULE_EXECUTED = "automation.rule_executed"

# Recorded for subscribers only: dispatching them to workers would make jobs about jobs, forever.
NOTIFICATION_ONLY = frozenset({JOB_UPDATED, RULE_EXECUTED, "bots.run_updated"})
