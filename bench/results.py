"""Rows of the benchmark table: each figure of Concord beside its baseline's, their ratio and the target.

`bench/results.json` keeps every pair's latest rows (running one pair replaces only its own rows), and
`bench/results.md` is the same table in Markdown, as the README quotes it.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

HERE = Path(__file__).resolve().parent
ROOT_DIR = HERE.parent
RESULTS_JSON = HERE / "results.json"
RESULTS_MD = HERE / "results.md"
PAIR_ORDER = ["customer-360", "http-load", "jobs", "bots", "tenant-scale", "memory", "demo-seeding"]


@dataclass
class Row:
    pair: str
    metric: str
    unit: str
    concord: float | None
    baseline: float | None
    # "max" when Concord ÷ baseline should be at most `target` (latency, CPU, memory), "min" when at least (rates).
    sense: str | None = None
    target: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.concord is None or not self.baseline:
            return None
        return self.concord / self.baseline

    @property
    def met(self) -> bool | None:
        if self.sense is None or self.target is None or self.ratio is None:
            return None
        return self.ratio <= self.target if self.sense == "max" else self.ratio >= self.target

    @property
    def target_text(self) -> str:
        if self.sense is None or self.target is None:
            return self.note and "—"
        return f"{'≤' if self.sense == 'max' else '≥'}{self.target:g}×"

    def as_json(self) -> dict:
        return {**asdict(self), "ratio": self.ratio, "met": self.met}


def machine() -> dict[str, str]:
    model = "unknown"
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    memory_kib = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal:"))
    return {
        "cpus": str(os.cpu_count()),
        "cpu_model": model,
        "memory_gib": f"{memory_kib / 1024 / 1024:.0f}",
        "python": platform.python_version(),
    }


def _load() -> dict:
    if RESULTS_JSON.exists():
        try:
            return json.loads(RESULTS_JSON.read_text())
        except json.JSONDecodeError:
            pass
    return {"pairs": {}}


def record(pair: str, rows: list[Row], *, seconds: float, details: dict | None = None) -> None:
    """Replace `pair`'s rows in results.json and rewrite results.md from all pairs."""
    data = _load()
    data["machine"] = machine()
    data["updated_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    data["pairs"][pair] = {
        "measured_at": data["updated_at"], "seconds": round(seconds, 1),
        "rows": [row.as_json() for row in rows], "details": details or {},
    }
    RESULTS_JSON.write_text(json.dumps(data, indent=2, sort_keys=False) + "\n")
    RESULTS_MD.write_text(markdown(data))


def _rows(data: dict) -> list[Row]:
    fields = set(Row.__dataclass_fields__)
    rows = []
    for pair in sorted(data["pairs"], key=lambda name: PAIR_ORDER.index(name) if name in PAIR_ORDER else 99):
        rows.extend(Row(**{key: value for key, value in row.items() if key in fields}) for row in data["pairs"][pair]["rows"])
    return rows


def _figure(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if float(value).is_integer() and abs(value) < 1e6 and unit in {"", "rows", "msg"}:
        return f"{value:,.0f} {unit}".strip()
    if abs(value) >= 100:
        return f"{value:,.0f} {unit}".strip()
    if abs(value) >= 10:
        return f"{value:.1f} {unit}".strip()
    return f"{value:.2f} {unit}".strip()


def _cells(row: Row) -> list[str]:
    ratio = "—" if row.ratio is None else f"{row.ratio:.2f}×"
    verdict = {True: "met", False: "missed", None: ""}[row.met]
    return [row.pair, row.metric, _figure(row.concord, row.unit), _figure(row.baseline, row.unit), ratio, row.target_text, verdict, row.note]


HEADERS = ["pair", "measure", "Concord", "baseline", "ratio", "target", "", "note"]


def markdown(data: dict) -> str:
    info = data.get("machine") or machine()
    lines = [
        f"Measured {data.get('updated_at', '')[:10]} on {info['cpus']} cores ({info['cpu_model']}), {info['memory_gib']} GiB, "
        f"Python {info['python']}.",
        "",
        "| " + " | ".join(HEADERS) + " |",
        "| " + " | ".join(["---"] * len(HEADERS)) + " |",
    ]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in _cells(row)) + " |" for row in _rows(data)]
    return "\n".join(lines) + "\n"


def print_table(console: Console, pairs: list[str] | None = None) -> None:
    data = _load()
    info = data.get("machine") or machine()
    table = Table(title=f"make bench — {info['cpus']} cores ({info['cpu_model']}), {info['memory_gib']} GiB")
    for header in HEADERS:
        table.add_column(header, justify="right" if header in {"Concord", "baseline", "ratio"} else "left")
    for row in _rows(data):
        if pairs is None or row.pair in pairs:
            style = {True: "green", False: "red", None: None}[row.met]
            cells = _cells(row)
            table.add_row(*cells[:6], f"[{style}]{cells[6]}[/]" if style else cells[6], cells[7])
    console.print(table)
