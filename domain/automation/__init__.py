"""Automation: job records, exactly-once effects, tenant rules and schedules."""
