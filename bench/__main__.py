"""`python -m bench [PAIR…]`: run the benchmark pairs, write bench/results.json and results.md, print the table.

    python -m bench                    # every pair (what `make bench` runs)
    python -m bench customer-360       # one pair; the others' last rows stay in the table
    python -m bench --quick --profile  # shorter runs; py-spy flame graphs in bench/profiles/
"""

from __future__ import annotations

import importlib
import time
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bench import results

PAIRS = {
    "customer-360": "bench.customer_360",
    "http-load": "bench.http_load",
    "jobs": "bench.jobs",
    "bots": "bench.bots",
    "tenant-scale": "bench.tenant_scale",
    "memory": "bench.memory",
    "demo-seeding": "bench.demo_seeding",
}
# Wide enough for the table when the output is a pipe or a CI log (Rich assumes 80 columns there).
console = Console(width=None if Console().is_terminal else 160)
app = typer.Typer(add_completion=False)


def run_pair(name: str, *, quick: bool, profile: bool) -> None:
    module = importlib.import_module(PAIRS[name])
    started = time.perf_counter()
    with Progress(TextColumn(f"[bold]{name}[/] {{task.description}}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("starting", total=None)

        def progress(step: str, done: int, total: int) -> None:
            bar.update(task, description=step, completed=done, total=total)

        rows, details = module.run(quick=quick, profile=profile, progress=progress)
    seconds = time.perf_counter() - started
    results.record(name, rows, seconds=seconds, details=details)
    console.print(f"[bold]{name}[/] measured in {seconds:.0f} s")


@app.command()
def main(
    pairs: Optional[list[str]] = typer.Argument(None, help=f"Pairs to run (default all): {', '.join(PAIRS)}."),
    quick: bool = typer.Option(False, "--quick", help="Shorter runs (fewer rounds and requests)."),
    profile: bool = typer.Option(False, "--profile", help="Also write a py-spy flame graph per server to bench/profiles/."),
) -> None:
    """Run the pairs and print every figure as a ratio to its baseline, with its target and met/missed."""
    chosen = pairs or list(PAIRS)
    unknown = [name for name in chosen if name not in PAIRS]
    if unknown:
        raise typer.BadParameter(f"unknown pair(s) {', '.join(unknown)}; choose from {', '.join(PAIRS)}")
    started = time.perf_counter()
    failed = []
    for name in chosen:
        try:
            run_pair(name, quick=quick, profile=profile)
        except Exception as error:  # a measurement that breaks is reported, and the other pairs still run
            console.print_exception(max_frames=8)
            console.print(f"[red]{name} failed: {type(error).__name__}: {error}[/]")
            failed.append(name)
    results.print_table(console)
    console.print(f"results: {results.RESULTS_JSON.relative_to(results.ROOT_DIR)}, {results.RESULTS_MD.relative_to(results.ROOT_DIR)}"
                  f" — {time.perf_counter() - started:.0f} s" + (f"; failed: {', '.join(failed)}" if failed else ""))
    # A figure that misses its target never fails the run; a pair that could not be measured does.
    raise typer.Exit(1 if failed else 0)


if __name__ == "__main__":
    app()
