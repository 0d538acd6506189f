"""Automation workers: the broker, its middleware and the actors."""

from workers.broker import BrokerUnavailable, build_broker, check_broker

__all__ = ["BrokerUnavailable", "build_broker", "check_broker"]
