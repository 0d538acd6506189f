"""Reading a submitted form as plain text fields."""

from __future__ import annotations

from starlette.requests import Request


async def read_form(request: Request) -> dict[str, str]:
    """The text fields of a POSTed form (files are ignored: no portal page uploads any)."""
    form = await request.form()
    return {key: value for key, value in form.items() if isinstance(value, str)}
