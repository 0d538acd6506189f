"""The plain, old-fashioned page layout the three sandbox portals share, and small escaping form helpers."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence


class SafeHtml(str):
    """Markup that is already escaped; everything else passed to these helpers is escaped."""


def esc(value: object) -> str:
    if isinstance(value, SafeHtml):
        return value
    return html.escape("" if value is None else str(value), quote=True)


def render_page(
    *,
    portal_title: str,
    title: str,
    body: str,
    menu: str = "",
    accent: str = "#003366",
    head_extra: str = "",
) -> str:
    """A whole HTML 4 page: a coloured banner with the portal's name, an optional menu, then the body."""
    menu_row = f'<tr><td class="menu">{menu}</td></tr>' if menu else ""
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{esc(title)} - {esc(portal_title)}</title>
<style type="text/css">
body {{ font-family: Verdana, Arial, sans-serif; font-size: 12px; background: #e8e8e8; margin: 0; }}
table.frame {{ width: 780px; background: #ffffff; border: 1px solid #999999; }}
td.banner {{ background: {accent}; color: #ffffff; font-size: 16px; font-weight: bold; padding: 8px; }}
td.menu {{ background: #d4d0c8; padding: 4px; border-bottom: 1px solid #999999; }}
td.content {{ padding: 12px; vertical-align: top; }}
table.data {{ border-collapse: collapse; }}
table.data th {{ background: #d4d0c8; text-align: left; }}
table.data td, table.data th {{ border: 1px solid #999999; padding: 3px 6px; }}
td.number {{ text-align: right; }}
.error {{ color: #cc0000; font-weight: bold; }}
.notice {{ background: #ffffcc; border: 1px solid #cccc66; padding: 6px; }}
.footer {{ color: #666666; font-size: 10px; }}
</style>
{head_extra}
</head>
<body>
<center>
<table class="frame" cellspacing="0" cellpadding="0">
<tr><td class="banner">{esc(portal_title)}</td></tr>
{menu_row}
<tr><td class="content">
<h2>{esc(title)}</h2>
{body}
</td></tr>
<tr><td class="footer" align="center">Best viewed with Internet Explorer 6.0 at 800x600</td></tr>
</table>
</center>
</body>
</html>
"""


def notice(text: str, *, element_id: str = "notice", kind: str = "notice") -> str:
    """A message box; `kind` is the CSS class, `notice` or `error`."""
    if not text:
        return ""
    return f'<p id="{esc(element_id)}" class="{esc(kind)}">{esc(text)}</p>'


def field_row(
    label: str,
    name: str,
    *,
    value: object = "",
    error: str = "",
    input_type: str = "text",
    size: int = 24,
    readonly: bool = False,
) -> str:
    """A table row: label, input (id and name are both `name`), and the field's error in `#<name>-error`."""
    extra = " readonly" if readonly else ""
    return (
        f'<tr><td><label for="{esc(name)}">{esc(label)}</label></td>'
        f'<td><input type="{esc(input_type)}" id="{esc(name)}" name="{esc(name)}" value="{esc(value)}" size="{size}"{extra}></td>'
        f"<td>{field_error(name, error)}</td></tr>"
    )


def select_row(label: str, name: str, options: Iterable[tuple[str, str]], *, selected: str = "", error: str = "") -> str:
    """A table row with a drop-down list of (value, text) options."""
    choices = "".join(
        f'<option value="{esc(value)}"{" selected" if value == selected else ""}>{esc(text)}</option>'
        for value, text in options
    )
    return (
        f'<tr><td><label for="{esc(name)}">{esc(label)}</label></td>'
        f'<td><select id="{esc(name)}" name="{esc(name)}">{choices}</select></td>'
        f"<td>{field_error(name, error)}</td></tr>"
    )


def field_error(name: str, error: str) -> str:
    if not error:
        return ""
    return f'<span id="{esc(name)}-error" class="error">{esc(error)}</span>'


def hidden(name: str, value: object) -> str:
    return f'<input type="hidden" name="{esc(name)}" value="{esc(value)}">'


def submit_button(element_id: str, label: str) -> str:
    return f'<input type="submit" id="{esc(element_id)}" name="{esc(element_id)}" value="{esc(label)}">'


def link(href: str, text: str, *, element_id: str = "", target: str = "") -> str:
    id_attribute = f' id="{esc(element_id)}"' if element_id else ""
    target_attribute = f' target="{esc(target)}"' if target else ""
    return f'<a href="{esc(href)}"{id_attribute}{target_attribute}>{esc(text)}</a>'


def data_table(element_id: str, headers: Sequence[str], rows: Iterable[Sequence[object]], *, numeric: Iterable[int] = ()) -> str:
    """A bordered table; `numeric` column indexes are right-aligned. Cells are escaped unless SafeHtml."""
    numeric_columns = set(numeric)
    head = "".join(f"<th>{esc(header)}</th>" for header in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="number">{esc(cell)}</td>' if index in numeric_columns else f"<td>{esc(cell)}</td>"
            for index, cell in enumerate(row)
        )
        + "</tr>\n"
        for row in rows
    )
    return f'<table id="{esc(element_id)}" class="data">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>'


def menu_links(links: Iterable[tuple[str, str, str]]) -> str:
    """A menu bar of (href, text, id) links separated by pipes."""
    return " | ".join(link(href, text, element_id=element_id) for href, text, element_id in links)
