"""The platform operators' API, apart from any tenant's graph."""

from api.platform.gate import PlatformGate
from api.platform.schema import platform_schema

__all__ = ["PlatformGate", "platform_schema"]
