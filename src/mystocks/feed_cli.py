"""`mystocks feed simulated|replay`: a live market feed as a process of its own.

Options left out fall back to the `MYSTOCKS_FEED_*` settings. Ctrl-C (or SIGTERM) finishes the
current window, writes and publishes the last ticks and the open bars, and prints a summary; a
second Ctrl-C stops at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import signal
import threading
import time
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Literal

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from mystocks.live.feed import FeedStats, LiveFeed
    from mystocks.live.setup import FeedOptions

feed = typer.Typer(
    help="Run a live market feed: ticks are written like imports, rolled up into 1-minute bars, "
    "and published as `ticks`, `quotes` and `bars` events on the bus topic `market` (through "
    "Redis to every server when MYSTOCKS_REDIS_URL is set).",
    no_args_is_help=True,
)

SymbolsOption = Annotated[
    str | None,
    typer.Option(help="Comma-separated symbols [MYSTOCKS_FEED_SYMBOLS; default: every A-share "
                 "stock with a stored daily close]"),
]  # fmt: skip
WindowOption = Annotated[
    float | None,
    typer.Option(help="Seconds per write-and-publish window [MYSTOCKS_FEED_WINDOW_SECONDS: 0.2]"),
]
SecondsOption = Annotated[
    float, typer.Option("--seconds", help="Stop after this many seconds (0: run until Ctrl-C)")
]


@feed.command("simulated")
def feed_simulated(
    symbols: SymbolsOption = None,
    clock: Annotated[
        str | None,
        typer.Option(
            help="session: 09:30-11:30, 13:00-15:00 on trading days; demo: around the "
            "clock [MYSTOCKS_FEED_CLOCK: session]"
        ),
    ] = None,
    rate: Annotated[
        float | None,
        typer.Option(
            min=0.1, max=10_000, help="Ticks per second over all symbols [MYSTOCKS_FEED_RATE: 20]"
        ),
    ] = None,
    seed: Annotated[
        int | None, typer.Option(help="Seed of the random walk [MYSTOCKS_FEED_SEED; default drawn]")
    ] = None,
    window: WindowOption = None,
    seconds: SecondsOption = 0.0,
) -> None:
    """Simulated ticks: a seeded random walk per stock, written, rolled up and published.

    Each stock starts at its last stored daily close and stays on the 0.01 grid, inside its
    price-limit band (±10% main board, ±20% 300/301/688); volumes are whole board lots."""
    if clock not in (None, "session", "demo"):
        raise typer.BadParameter("--clock must be session or demo")
    _run("simulated", symbols, window, seconds, clock=clock, rate=rate, seed=seed)


@feed.command("replay")
def feed_replay(
    day: Annotated[
        str | None,
        typer.Option(help="YYYY-MM-DD [MYSTOCKS_FEED_DAY; default: the newest day with ticks]"),
    ] = None,
    symbols: SymbolsOption = None,
    speed: Annotated[
        float | None,
        typer.Option(
            min=1,
            max=1000,
            help="Times the original pace, lunch break squeezed out [MYSTOCKS_FEED_SPEED: 60]",
        ),
    ] = None,
    window: WindowOption = None,
    seconds: SecondsOption = 0.0,
) -> None:
    """Replay a stored day's ticks at SPEED times their pace, as new events.

    Ticks come in time order with the quotes and 1-minute bars of the replayed moment. Nothing
    is written (the ticks are stored already). It ends after the day's last tick."""
    try:
        when = None if day is None else dt.date.fromisoformat(day)
    except ValueError:
        raise typer.BadParameter(f"--day takes YYYY-MM-DD, got {day!r}") from None
    _run("replay", symbols, window, seconds, day=when, speed=speed)


def _run(
    kind: Literal["simulated", "replay"],
    symbols: str | None,
    window: float | None,
    seconds: float,
    **given: object,
) -> None:
    from rich.console import Console

    from mystocks.bootstrap import bootstrap
    from mystocks.commands import settings_or_exit, store_errors
    from mystocks.live.setup import build_feed, options_from, parse_symbols

    settings = settings_or_exit()
    console = Console(stderr=True)
    changes = {k: v for k, v in given.items() if v is not None}
    if symbols is not None:
        changes["symbols"] = parse_symbols(symbols)
    if window is not None:
        changes["window"] = window
    options = dataclasses.replace(options_from(settings, kind), **changes)  # type: ignore[arg-type]
    if not settings.redis_url:
        console.print("[yellow]MYSTOCKS_REDIS_URL is not set: the events reach no server[/]")
    with store_errors():
        core = bootstrap(settings, sample=False)
        try:
            live = build_feed(options, core.data, core.shared_cache, core.bus)
        except ValueError as exc:
            console.print(f"[red]mystocks: {exc}[/]")
            raise typer.Exit(2) from None
        stats = _drive(live, options, seconds, console)
    _summary(live, options, stats, console)
    core.close()


def _drive(live: LiveFeed, options: FeedOptions, seconds: float, console: Console) -> FeedStats:
    from rich.live import Live

    stop = threading.Event()
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        stop.set()
        # A second Ctrl-C interrupts at once, whatever the feed is doing.
        signal.signal(signal.SIGINT, signal.default_int_handler)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    began = time.monotonic()
    head = _head(live, options)
    try:
        with Live(console=console, refresh_per_second=4, transient=True) as status:

            def on_window(stats: FeedStats) -> None:
                status.update(
                    f"{head} · {stats.state} · {stats.rate():,.1f} ticks/s · "
                    f"{stats.ticks:,} ticks · {stats.bars:,} bars · {stats.events:,} events"
                )
                if seconds and time.monotonic() - began >= seconds:
                    stop.set()

            live.run(stop, on_window=on_window)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return live.stats


def _head(live: LiveFeed, options: FeedOptions) -> str:
    provider = live.provider
    if options.kind == "simulated":
        seed = getattr(provider, "seed", None)
        return f"simulated ({options.clock} clock, seed {seed}) · {len(provider.symbols)} symbols"
    return f"replay · {len(provider.symbols)} symbols"


def _summary(live: LiveFeed, options: FeedOptions, stats: FeedStats, console: Console) -> None:
    from rich.table import Table

    elapsed = max(time.monotonic() - stats.started, 1e-9)
    table = Table(title=f"feed {options.kind} stopped", show_header=False)
    rows: list[tuple[str, object]] = [
        ("symbols", len(live.provider.symbols)),
        ("last state", stats.state),
        ("ticks", stats.ticks),
        ("bars closed", stats.bars),
        ("events published", stats.events),
        ("ticks rejected", stats.rejected),
        ("windows lost to errors", stats.errors),
        ("seconds", round(elapsed, 1)),
        ("ticks/s", round(stats.ticks / elapsed, 1)),
    ]
    if options.kind == "simulated":
        rows.insert(1, ("seed", str(getattr(live.provider, "seed", None))))
    for name, value in rows:
        table.add_row(name, f"{value:,}" if isinstance(value, int) else str(value))
    console.print(table)
