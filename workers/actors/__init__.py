"""Concord's actor modules. `workers.runtime.use_broker` binds every actor in them to the process's broker."""

ACTOR_MODULES = ("workers.actors.events", "workers.actors.bots")
