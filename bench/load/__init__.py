"""Load generators that run in a process of their own: wrk, or the asyncio fallback in bench.load.asyncio_load."""
