"""What every page of a portal needs to render for one request."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from infra.portals.element_names import ElementNamer, ElementNames


@dataclass(frozen=True)
class PageContext:
    base: str  # the mount prefix, e.g. "/tax", or "" when the portal runs on its own
    name: ElementNamer  # current ids, field names and labels (see the layout_changed switch)
    username: str | None = None

    def url(self, path: str) -> str:
        return self.base + path


def page_context(request: Request, names: ElementNames) -> PageContext:
    portal = request.app.state.portal
    return PageContext(
        base=request.scope.get("root_path", ""),
        name=names.in_layout(changed=portal.switches.layout_changed),
        username=getattr(request.state, "username", None),  # set by requires_login
    )
