"""Run the sandbox portals locally: `python -m infra.portals [--port 8100] [tenant-slug ...]`."""

from __future__ import annotations

import argparse

import uvicorn

from infra.portals import create_portals_app, demo_accounts

DEFAULT_TENANTS = ["acme", "globex"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("tenants", nargs="*", default=DEFAULT_TENANTS, help="tenant slugs to create demo accounts for")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--session-timeout", type=float, default=900, help="idle seconds before a session expires")
    args = parser.parse_args()
    app = create_portals_app(demo_accounts(args.tenants), seed=args.seed, session_timeout=args.session_timeout)
    uvicorn.run(app, host=args.host, port=args.port)


if __name__ == "__main__":
    main()
