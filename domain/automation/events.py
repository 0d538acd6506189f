"""Automation's own events: the notification-only ones tell people what happened; `schedule_due` starts a scheduled job."""

JOB_UPDATED = "automation.job_updated"
RULE_EXECUTED = "automation.rule_executed"

# Recorded for subscribers only: dispatching them to workers would make jobs about jobs, forever.
NOTIFICATION_ONLY = frozenset({JOB_UPDATED, RULE_EXECUTED, "bots.run_updated"})
SCHEDULE_DUE = "automation.schedule_due"  # a schedule's slot was claimed: its job should run now
