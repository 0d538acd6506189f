"""Who the CLI acts as, for the audit logs: `cli:<os user>`."""

from __future__ import annotations

import getpass
import os


def cli_actor() -> str:
    """`cli:<login name>` of the operating-system user running the command (`cli:uid-<n>` if it has no name)."""
    try:
        return f"cli:{getpass.getuser()}"
    except (OSError, KeyError):  # no LOGNAME/USER and no passwd entry, as in some containers
        return f"cli:uid-{os.getuid()}"
