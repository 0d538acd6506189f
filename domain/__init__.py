"""Business areas: models and the services that enforce their rules."""

from domain.errors import CommonErrorCode, DomainError

__all__ = ["CommonErrorCode", "DomainError"]
