"""The version Concord reports in traces, logs and the CLI."""

from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("concord")
except PackageNotFoundError:  # running from a checkout that was not installed
    VERSION = "0.0.0+local"
