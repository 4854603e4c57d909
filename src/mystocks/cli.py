"""The `mystocks` command line: serve, worker, init, db, import, sync (`sync_cli`), feed
(`feed_cli`), version."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from sqlalchemy.engine import Engine

from mystocks import __version__
from mystocks.commands import settings_or_exit, store_errors
from mystocks.feed_cli import feed
from mystocks.settings import Settings
from mystocks.sync_cli import sync

if TYPE_CHECKING:
    from mystocks.adapters.manager import UnifiedManager

cli = typer.Typer(
    help="MyStocks: a contract-first market-data and strategy API (A-shares first).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _logging(level: str) -> None:
    logging.basicConfig(
        level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on [MYSTOCKS_HOST]")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on [MYSTOCKS_PORT]")] = None,
) -> None:
    """Start the API server (creates and migrates the stores, loads sample data on first start)."""
    import uvicorn

    # Connexion imports Starlette's TestClient at import time, which warns about httpx on
    # every start; the server never uses the test client.
    warnings.filterwarnings("ignore", message=".*`httpx` with `starlette.testclient`")
    from mystocks.app import create_app
    from mystocks.logs import configure_logging
    from mystocks.metrics import serve_metrics

    settings = settings_or_exit()
    configure_logging(settings)
    app = create_app(settings)
    if settings.metrics_port is not None:
        serve_metrics(settings.metrics_port, host or settings.host)
    uvicorn.run(
        app,
        host=host or settings.host,
        port=port or settings.port,
        log_level=settings.log_level,
        # Our handler formats uvicorn's records like ours (`mystocks.logs`), and our access log
        # line (`mystocks.api.observe`) knows the operation, user and request id: uvicorn's
        # own would only repeat it.
        log_config=None,
        access_log=False,
        # Deflate would compress every WebSocket frame once per connection, undoing "encode
        # each event once" for fan-out (and hide a stalled reader behind 10x smaller frames).
        ws_per_message_deflate=False,
        **transport_options(settings),
    )


def transport_options(settings: Settings) -> dict[str, Any]:
    """uvicorn's TLS and proxy options from the settings (README "Security").

    X-Forwarded-For/-Proto are believed only from MYSTOCKS_FORWARDED_ALLOW_IPS: from anyone
    else they would let a client choose its address (and so its rate limit and sign-in
    throttle) and claim HTTPS. A production server with neither TLS nor a proxy in front sends
    tokens and passwords in the clear: allowed (TLS may end elsewhere), but said loudly."""
    options: dict[str, Any] = {"proxy_headers": settings.forwarded_allow_ips is not None}
    if settings.forwarded_allow_ips is not None:
        options["forwarded_allow_ips"] = settings.forwarded_allow_ips
    if settings.tls_cert is not None and settings.tls_key is not None:
        options |= {"ssl_certfile": str(settings.tls_cert), "ssl_keyfile": str(settings.tls_key)}
    elif settings.env == "production" and settings.forwarded_allow_ips is None:
        logging.getLogger("mystocks").warning(
            "serving plain HTTP in production: set MYSTOCKS_TLS_CERT and MYSTOCKS_TLS_KEY, or "
            "put a TLS-terminating proxy in front and name it in MYSTOCKS_FORWARDED_ALLOW_IPS"
        )
    return options


@cli.command()
def worker(
    concurrency: Annotated[
        int | None,
        typer.Option(min=1, help="Jobs run at once, a process each [MYSTOCKS_JOB_WORKERS]"),
    ] = None,
    log_level: Annotated[
        str | None,
        typer.Option(help="debug, info, warning or error [MYSTOCKS_LOG_LEVEL]"),
    ] = None,
) -> None:
    """Run the backtests and training jobs servers queue in Redis (a Celery worker).

    For MYSTOCKS_JOB_QUEUE=celery, the default when MYSTOCKS_REDIS_URL is set.
    Give it the servers' MYSTOCKS_DATABASE_URL, MYSTOCKS_REDIS_URL and
    MYSTOCKS_REDIS_PREFIX; start as many as you like, on any machine.
    Ctrl-C or SIGTERM stops it after its running jobs finish.
    """
    settings = settings_or_exit()
    if settings.job_queue_mode != "celery":
        why = "is local" if settings.redis_url else "needs MYSTOCKS_REDIS_URL"
        typer.echo(f"mystocks: MYSTOCKS_JOB_QUEUE {why}: servers run their own jobs", err=True)
        raise typer.Exit(2)
    if log_level is not None and log_level not in ("debug", "info", "warning", "error"):
        raise typer.BadParameter("--log-level must be debug, info, warning or error")
    from mystocks.worker import run_worker

    run_worker(
        settings,
        concurrency=concurrency or settings.job_workers,
        loglevel=log_level or settings.log_level,
    )


@cli.command()
def init() -> None:
    """Create the stores under MYSTOCKS_DATA_DIR and load the sample data, then exit."""
    from rich.console import Console

    from mystocks.bootstrap import bootstrap
    from mystocks.market.sample import load_sample_data

    settings = settings_or_exit()
    console = Console(stderr=True)
    with store_errors():
        core = bootstrap(settings, sample=False)
        with console.status("loading sample data…") as status:
            loaded = load_sample_data(
                core.data,
                tick_days=settings.sample_tick_days,
                progress=lambda msg: status.update(msg),
            )
    console.print("sample data loaded" if loaded else "sample data already present")
    core.close()


def _relational_engine() -> Engine:
    """The relational store's engine, the schema left as it is (these commands migrate it)."""
    from mystocks.bootstrap import bootstrap

    return bootstrap(settings_or_exit(), prepare=False).data.relational.engine


db = typer.Typer(help="The relational store's schema (Alembic migrations).", no_args_is_help=True)
cli.add_typer(db, name="db")


@db.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision")] = "head",
) -> None:
    """Migrate the relational store (MYSTOCKS_DATABASE_URL) to a revision, the newest by default."""
    from mystocks.adapters.sql import migrate

    engine = _relational_engine()
    with store_errors():
        before = migrate.current(engine)
        migrate.upgrade(engine, revision)
        typer.echo(f"relational store: {before or 'empty'} -> {migrate.current(engine)}")


@db.command("current")
def db_current() -> None:
    """Print the relational store's revision and the newest one."""
    from mystocks.adapters.sql import migrate

    engine = _relational_engine()
    with store_errors():
        current = migrate.current(engine)
    typer.echo(f"current: {current or 'none'}; newest: {migrate.head(engine)}")


importer = typer.Typer(
    help="Import bars or ticks from CSV or Parquet, checked like the ingest endpoints.",
    no_args_is_help=True,
)
cli.add_typer(importer, name="import")

MapOption = Annotated[
    list[str] | None,
    typer.Option("--map", help="Take a column from another name: TARGET=SOURCE (repeatable)"),
]
SymbolOption = Annotated[
    str | None, typer.Option(help="Symbol for every row, when the file has no symbol column")
]
ZoneOption = Annotated[
    str | None,
    typer.Option("--tz", help="Time zone of times without an offset (e.g. Asia/Shanghai)"),
]
FormatOption = Annotated[
    str | None, typer.Option("--format", help="csv or parquet (default: from the extension)")
]
ChunkOption = Annotated[int, typer.Option(help="Rows per chunk read and written", min=1000)]


def _run_import(
    kind: str,
    path: Path,
    period: str,
    mapping: list[str] | None,
    symbol: str | None,
    zone: str | None,
    fmt: str | None,
    chunk_rows: int,
) -> None:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        ProgressColumn,
        TimeRemainingColumn,
    )
    from rich.table import Table

    from mystocks.bootstrap import bootstrap
    from mystocks.market.imports import import_file, summary_rows
    from mystocks.market.ingest import IngestService

    pairs = {}
    for item in mapping or []:
        target, sep, source = item.partition("=")
        if not sep or not target or not source:
            raise typer.BadParameter(f"--map takes TARGET=SOURCE, got {item!r}")
        pairs[target.strip()] = source.strip()
    settings = settings_or_exit()
    console = Console(stderr=True)
    with store_errors():
        core = bootstrap(settings, sample=False)
        data = core.data
        columns: list[str | ProgressColumn] = [
            BarColumn(),
            "{task.percentage:>3.0f}%",
            TimeRemainingColumn(),
        ]
        if path.suffix.lower() not in (".parquet", ".pq") and fmt != "parquet":
            columns.insert(1, DownloadColumn())  # CSV progress is counted in bytes
        with Progress("[progress.description]{task.description}", *columns, console=console) as bar:
            task = bar.add_task(f"importing {path.name}", total=None)
            try:
                report = import_file(
                    # With Redis, the servers' caches forget what the import changed and their
                    # dashboards count its rows.
                    IngestService(data, cache=core.shared_cache, meter=core.meter),
                    kind,
                    path,
                    period=period,
                    fmt=fmt,
                    mapping=pairs,
                    symbol=symbol,
                    zone=zone,
                    chunk_rows=chunk_rows,
                    progress=lambda done, total: bar.update(task, completed=done, total=total),
                )
            except (ValueError, OSError) as exc:
                console.print(f"[red]mystocks: {exc}[/red]")
                raise typer.Exit(1) from None
    _audit_import(data, kind, path, report.read, report.written, report.rejected)
    table = Table(title=f"{kind} from {path.name}", show_header=False)
    for name, value in summary_rows(report):
        table.add_row(name, f"{value:,}" if isinstance(value, int) else str(value))
    console.print(table)
    if report.reasons:
        reasons = Table("rejected because", "rows", title="rejections")
        for reason, count in report.reasons.most_common():
            reasons.add_row(reason, f"{count:,}")
        console.print(reasons)
        examples = Table("line", "field", "reason", title="first rejected rows")
        for line, field, reason in report.examples:
            examples.add_row(str(line), field, reason)
        console.print(examples)
        raise typer.Exit(3)  # some rows were skipped: scripts can tell
    core.close()


def _audit_import(
    data: UnifiedManager, kind: str, path: Path, read: int, written: int, rejected: int
) -> None:
    """An import changes market data as an admin's ingest does: it gets an audit line too,
    under the operating-system user who ran it (kind `system`)."""
    import getpass

    from mystocks.identity.audit import Actor, AuditLog
    from mystocks.identity.audit_store import AuditStore

    try:
        who = getpass.getuser()
    except (OSError, KeyError):  # no login name (a container without a passwd entry)
        who = "unknown"
    details = {"file": path.name, "read": read, "written": written, "rejected": rejected}
    AuditLog(AuditStore(data.relational.engine)).record(
        Actor(f"cli:{who}", "system"),
        "market.import",
        target=(kind, path.name[:64]),
        outcome="ok" if written or not rejected else "refused",
        details=details,
    )


@importer.command("ticks")
def import_ticks(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV or Parquet file")],
    mapping: MapOption = None,
    symbol: SymbolOption = None,
    zone: ZoneOption = None,
    fmt: FormatOption = None,
    chunk_rows: ChunkOption = 100_000,
) -> None:
    """Import ticks (columns symbol, ts, price, volume[, amount]).

    Exit status: 0 when every row was written, 3 when some were rejected (listed), 1 on error.
    """
    _run_import("ticks", path, "tick", mapping, symbol, zone, fmt, chunk_rows)


@importer.command("bars")
def import_bars(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV or Parquet file")],
    period: Annotated[str, typer.Option(help="1m (minute bars) or 1d (daily bars)")] = "1m",
    mapping: MapOption = None,
    symbol: SymbolOption = None,
    zone: ZoneOption = None,
    fmt: FormatOption = None,
    chunk_rows: ChunkOption = 100_000,
) -> None:
    """Import bars (columns symbol, ts, open, high, low, close, volume[, amount]).

    Minute bars are stamped at the end of their minute (09:31 is the first A-share bar); for
    daily bars the trading day is the date of `ts` in the exchange's time zone.
    Exit status: 0 when every row was written, 3 when some were rejected (listed), 1 on error.
    """
    if period not in ("1m", "1d"):
        raise typer.BadParameter("--period must be 1m or 1d")
    _run_import("bars", path, period, mapping, symbol, zone, fmt, chunk_rows)


cli.add_typer(feed, name="feed")
cli.command("sync")(sync)


@cli.command()
def keygen() -> None:
    """Print a new random key for MYSTOCKS_API_KEY_ENCRYPTION_KEYS (Fernet, 32 bytes).

    To rotate, put the new key first and keep the old ones after it (comma-separated): new
    secrets are encrypted with the first, and every listed key can still decrypt.
    """
    from cryptography.fernet import Fernet

    typer.echo(Fernet.generate_key().decode())


@cli.command()
def version() -> None:
    """Print the server version."""
    typer.echo(__version__)


def main() -> None:
    cli()
