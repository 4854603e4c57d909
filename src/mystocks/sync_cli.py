"""`mystocks sync`: take real A-share data from akshare, baostock or 通达信 files into the
stores (see `mystocks.market.sync` and docs/data.md)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mystocks.commands import settings_or_exit, store_errors

if TYPE_CHECKING:
    from rich.console import Console

    from mystocks.market.sync import SyncReport

EXIT_PARTIAL = 3  # some symbols failed or some rows were refused: listed, and scripts can tell


def sync(
    provider: Annotated[
        list[str] | None,
        typer.Option(
            "--provider",
            help="akshare, baostock or tdx; repeat for a failover order "
            "[MYSTOCKS_SYNC_PROVIDERS: akshare,baostock]",
        ),
    ] = None,
    symbols: Annotated[
        str | None, typer.Option(help="Comma-separated symbols: 600000.SH,000001.SZ")
    ] = None,
    every: Annotated[
        bool, typer.Option("--all", help="Every A-share the first provider lists")
    ] = False,
    since: Annotated[
        dt.datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="First day to fetch (default: the day after the newest stored bar, or the "
            "first the provider has)",
        ),
    ] = None,
    periods: Annotated[str, typer.Option(help="1d, 1m or 1d,1m")] = "1d",
    tdx_dir: Annotated[
        Path | None,
        typer.Option(help="The vipdoc folder of a 通达信 installation [MYSTOCKS_TDX_DIR]"),
    ] = None,
    rate: Annotated[
        float | None,
        typer.Option(
            min=0.01, max=100, help="Requests a second to each provider [MYSTOCKS_SYNC_RATE: 2]"
        ),
    ] = None,
    report: Annotated[
        Path | None, typer.Option(help="Also write the data-quality report here, as JSON")
    ] = None,
) -> None:
    """Fetch daily (and 1-minute) bars, adjustment factors, corporate actions, ST periods and
    suspensions, starting where the stores stop; keep a data-quality report.

    Exit status: 0 when every symbol synced or was up to date, 3 when some failed or had rows
    refused (listed, and fetched again by the next run), 1 on error, 2 on bad options.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from mystocks.adapters.providers import ProviderError
    from mystocks.adapters.providers.registry import open_providers
    from mystocks.bootstrap import bootstrap
    from mystocks.market.ingest import IngestService
    from mystocks.market.sync import Pacer, SourceFailed, Sources, SyncRequest, SyncService
    from mystocks.market.sync_store import SyncJobStore

    if (symbols is None) == (not every):
        raise typer.BadParameter("give --symbols or --all (one of them)")
    settings = settings_or_exit()
    names = provider or [n.strip() for n in settings.sync_providers.split(",") if n.strip()]
    wanted = None if every else tuple(s.strip().upper() for s in (symbols or "").split(","))
    request = SyncRequest(
        symbols=wanted,
        since=since.date() if since else None,
        periods=tuple(p.strip() for p in periods.split(",") if p.strip()),
    )
    console = Console(stderr=True)
    try:
        opened = open_providers(names, tdx_dir or settings.tdx_dir)
    except (ValueError, ProviderError) as exc:
        console.print(f"[red]mystocks: {exc}[/red]")
        raise typer.Exit(2) from None
    with store_errors():
        core = bootstrap(settings, sample=False)
        jobs = SyncJobStore(core.data.relational.engine)
        service = SyncService(
            core.data,
            IngestService(core.data, cache=core.shared_cache, meter=core.meter),
            Sources(opened, Pacer(rate or settings.sync_rate), retries=settings.sync_retries),
        )
        asked = {
            "providers": names,
            "symbols": list(wanted) if wanted else "all",
            "since": request.since.isoformat() if request.since else None,
            "periods": list(request.periods),
        }
        job_id = jobs.create("cli", asked, dt.datetime.now(dt.UTC))
        columns = (BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress("[progress.description]{task.description}", *columns, console=console) as bar:
            task = bar.add_task(f"syncing from {', '.join(names)}", total=None)

            def progress(done: int, total: int, symbol: str) -> None:
                bar.update(task, completed=done, total=total, description=symbol or "listing")

            try:
                result = service.run(request, progress)
            except (ValueError, SourceFailed) as exc:
                jobs.finish(job_id, "failed", dt.datetime.now(dt.UTC), error=str(exc)[:2000])
                console.print(f"[red]mystocks: {exc}[/red]")
                raise typer.Exit(1) from None
        body = result.as_dict()
        partial = body["totals"]["failed"] or body["totals"]["rows_refused"]
        status = "partial" if partial else "succeeded"
        jobs.finish(job_id, status, dt.datetime.now(dt.UTC), report=body)
    if report is not None:
        report.write_text(json.dumps(body, ensure_ascii=False, indent=2), encoding="utf-8")
    _summary(console, job_id, result)
    core.close()
    if partial:
        raise typer.Exit(EXIT_PARTIAL)


def _summary(console: Console, job_id: int, result: SyncReport) -> None:
    from rich.table import Table

    totals = result.as_dict()["totals"]
    table = Table(title=f"sync {job_id}", show_header=False)
    for name, value in totals.items():
        table.add_row(name.replace("_", " "), f"{value:,}")
    console.print(table)
    troubled = [(s, r) for s, r in sorted(result.symbols.items()) if r.errors or r.refused]
    if troubled:
        problems = Table("symbol", "problem", title="needs a look")
        for symbol, mine in troubled[:50]:
            for error in mine.errors:
                problems.add_row(symbol, error)
            if mine.refused:
                problems.add_row(symbol, f"{mine.refused_count} rows refused: {mine.refused[0]}")
        console.print(problems)
