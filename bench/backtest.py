"""Backtest speed: the full A-share rule engine beside a loop-free NumPy signal, same run.

    python bench/backtest.py [--symbols 50] [--years 10] [--repeat 3] [--json PATH]
    python bench/backtest.py --smoke    5 symbols x 1 year, once: checks it runs (seconds)

Synthetic daily bars (seeded, fat-tailed returns, every price on the 0.01 grid, moves clipped
to the ±10% limit band so limit-up and limit-down opens occur) for `--symbols` symbols over
`--years` × 252 trading days. Two measurements over the same data:

- engine: `run_backtest` with sma_cross(5, 20) and every rule (board lots, T+1, price limits,
  commission with a 5 CNY minimum, stamp duty, 1-tick slippage, next-open fills, equity curve
  and metrics);
- reference: per symbol, MA5 and MA20 by float cumulative sums, the long/flat positions
  (MA5 > MA20) and their crossover points; NumPy only, no Python loop over bars, no fills.

The engine runs twice: with its fill loop compiled by numba (the default when numba imports)
and with the pure-Python loop (`MYSTOCKS_NO_JIT=1`); both must give identical trades and
equity. Also shown: the one-off cost of the JIT's first call, both in this process (numba
import, then a first call that loads the on-disk cache or compiles) and in a fresh process
with an empty cache (`NUMBA_CACHE_DIR` in a temporary directory: a real compile).

Figures are bars/s (symbols × days / seconds), best of `--repeat`; the target (DESIGN.md) is
engine/reference ≥ 1. Also shown: how many bars' positions differ between the exact integer
comparison the engine uses and the float reference (ties on the 0.01 grid). Speed is reported,
never asserted: the exit status is 0 whether or not the target is met, and non-zero when the
JIT and pure-Python results differ or the fresh-process compile fails.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))
from mystocks.backtest import BacktestResult, BarData, run_backtest, target_positions  # noqa: E402
from mystocks.backtest.fills import jit_kernel  # noqa: E402
from mystocks.domain.indicators import OHLC  # noqa: E402

DAYS_PER_YEAR = 252
BAND = 0.10


def make_bars(symbols: int, days: int, seed: int = 7) -> dict[str, BarData]:
    """Random-walk daily bars in integer cents, each move clipped to the limit band."""
    rng = np.random.default_rng(seed)
    dates = np.busday_offset(np.datetime64("2010-01-04", "D"), np.arange(days), roll="forward")
    out: dict[str, BarData] = {}
    for s in range(symbols):
        # Student-t (3 dof) daily returns of ~2%: fat tails, so the band is hit now and then.
        gap = rng.standard_t(3, days) * 0.012
        rest = rng.standard_t(3, days) * 0.012
        opens = np.empty(days, dtype=np.int64)
        closes = np.empty(days, dtype=np.int64)
        prev = int(rng.integers(300, 5000))  # 3 to 50 CNY
        for d in range(days):  # sequential: each day's band comes from the previous close
            up, down = (prev * 110 + 50) // 100, (prev * 90 + 50) // 100
            opens[d] = min(max(round(prev * (1 + gap[d])), down), up)
            closes[d] = min(max(round(int(opens[d]) * (1 + rest[d])), down), up)
            prev = int(closes[d])
        o, c = opens / 100, closes / 100
        high = np.maximum(o, c) * (1 + np.abs(rng.normal(0, 0.005, days)))
        low = np.minimum(o, c) * (1 - np.abs(rng.normal(0, 0.005, days)))
        out[f"{600000 + s}.SH"] = BarData(
            dates, o, np.round(high, 2), np.round(low, 2), c, price_limit_pct=BAND
        )
    return out


def reference(bars: dict[str, BarData]) -> dict[str, np.ndarray]:
    """MA5 vs MA20 positions and crossovers per symbol, float NumPy, no loops over bars."""
    out = {}
    for symbol, b in bars.items():
        acc = np.concatenate(([0.0], np.cumsum(b.close)))
        ma5 = np.full(b.close.shape[0], np.nan)
        ma20 = np.full(b.close.shape[0], np.nan)
        ma5[4:] = (acc[5:] - acc[:-5]) / 5
        ma20[19:] = (acc[20:] - acc[:-20]) / 20
        position = (ma5 > ma20).astype(np.int8)
        np.flatnonzero(np.diff(position, prepend=np.int8(0)))  # the crossover bars
        out[symbol] = position
    return out


def best(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--symbols", type=int, default=50, help="symbols [50]")
    parser.add_argument("--years", type=int, default=10, help="years of daily bars [10]")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement, best kept [3]")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", type=Path, help="also write the figures to this file")
    out.add_argument(
        "--smoke",
        action="store_true",
        help="tiny sizes (5 symbols x 1 year, each measurement once), every step as usual: "
        "checks that the bench runs; the figures mean nothing",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.symbols, args.years, args.repeat = 5, 1, 1
    days = args.years * DAYS_PER_YEAR
    bars = make_bars(args.symbols, days)
    total = args.symbols * days
    params = {"fast": 5, "slow": 20}

    def engine() -> object:
        return run_backtest(bars, "sma_cross", params, initial_cash=10_000.0 * args.symbols)

    ohlcs = {s: _ohlc(b) for s, b in bars.items()}

    def signals() -> object:
        return [target_positions("sma_cross", params, o) for o in ohlcs.values()]

    jit = first_jit_call()  # before anything else calls the kernel
    cold_compile_s = compile_in_fresh_process() if jit is not None else None
    engine()  # warm caches (imports, first-touch allocations) outside the timing
    engine_s = best(args.repeat, engine)
    with no_jit():
        engine()
        python_s = best(args.repeat, engine)
        python_result = engine()
    jit_result = engine()
    assert isinstance(python_result, BacktestResult) and isinstance(jit_result, BacktestResult)
    identical = (
        jit_result.trades == python_result.trades
        and bool(np.array_equal(jit_result.equity, python_result.equity))
        and jit_result.metrics == python_result.metrics
    )
    reference_s = best(args.repeat, lambda: reference(bars))
    signals_s = best(args.repeat, signals)

    result = run_backtest(bars, "sma_cross", params, initial_cash=10_000.0 * args.symbols)
    floats = reference(bars)
    differ = sum(
        int(np.count_nonzero(floats[s] != target_positions("sma_cross", params, o)))
        for s, o in ohlcs.items()
    )
    at_limit = sum(_opens_at_limit(b) for b in bars.values())
    figures = {
        "bars": total,
        "jit": jit is not None,
        "engine_bars_per_s": total / engine_s,
        "engine_no_jit_bars_per_s": total / python_s,
        "reference_bars_per_s": total / reference_s,
        "ratio": reference_s / engine_s,
        "ratio_no_jit": reference_s / python_s,
        "jit_and_python_identical": identical,
        "numba_import_s": jit[0] if jit else None,
        "jit_first_call_s": jit[1] if jit else None,
        "jit_first_call_from_cache": jit[2] if jit else None,
        "jit_compile_empty_cache_s": cold_compile_s,
        "exact_signal_bars_per_s": total / signals_s,
        "fills": len(result.trades),
        "us_per_fill_beyond_signal": (engine_s - signals_s) / max(len(result.trades), 1) * 1e6,
        "opens_at_a_limit_price": at_limit,
        "bars_differing_float_vs_exact": differ,
        "total_return": result.metrics["total_return"],
    }
    table = Table("measure", "value", title=f"sma_cross(5,20), {args.symbols} × {days} daily bars")
    mode = "numba JIT" if jit is not None else "no numba: pure Python"
    table.add_row(f"engine, every rule, {mode} (bars/s)", f"{figures['engine_bars_per_s']:,.0f}")
    table.add_row(
        "engine, every rule, MYSTOCKS_NO_JIT=1 (bars/s)",
        f"{figures['engine_no_jit_bars_per_s']:,.0f}",
    )
    table.add_row("reference, signal only (bars/s)", f"{figures['reference_bars_per_s']:,.0f}")
    table.add_row("engine / reference (target ≥ 1)", f"{figures['ratio']:.3f}")
    table.add_row("engine without JIT / reference", f"{figures['ratio_no_jit']:.3f}")
    table.add_row("JIT and pure-Python results identical", "yes" if identical else "NO")
    if jit is not None:
        table.add_row("one-off: import numba + kernel (s)", f"{jit[0]:.3f}")
        source = "loaded from the on-disk cache" if jit[2] else "compiled"
        table.add_row(f"one-off: first call, this process ({source}) (s)", f"{jit[1]:.3f}")
    if cold_compile_s is not None:
        table.add_row(
            "one-off: first call, fresh process, empty cache (s)", f"{cold_compile_s:.3f}"
        )
    table.add_row("engine's exact signal stage alone (bars/s)", f"{total / signals_s:,.0f}")
    table.add_row("fills", f"{figures['fills']:,}")
    table.add_row(
        "engine time beyond the signal, per fill (µs)",
        f"{figures['us_per_fill_beyond_signal']:.2f}",
    )
    table.add_row("opens at a limit price (rules exercised)", f"{at_limit:,}")
    table.add_row("bars where float and exact positions differ", f"{differ:,}")
    Console().print(table)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    if not identical:
        print("the JIT and pure-Python engines gave different results", file=sys.stderr)
        return 1
    if jit is not None and cold_compile_s is None:
        print("the first call in a fresh process failed (its error is above)", file=sys.stderr)
        return 1
    return 0


@contextmanager
def no_jit() -> Iterator[None]:
    """The engine's pure-Python fill loop (``fills`` reads the variable at every call)."""
    saved = os.environ.get("MYSTOCKS_NO_JIT")
    os.environ["MYSTOCKS_NO_JIT"] = "1"
    try:
        yield
    finally:
        if saved is None:
            del os.environ["MYSTOCKS_NO_JIT"]
        else:
            os.environ["MYSTOCKS_NO_JIT"] = saved


def _first_call() -> None:
    """One call of the compiled kernel on three bars (what the first backtest pays)."""
    kernel = jit_kernel()
    assert kernel is not None
    bars = np.array([1_000, 1_010, 1_020], dtype=np.int64)
    want = np.array([1, 0, 0], dtype=np.int8)
    days = np.arange(3, dtype=np.int64)
    band = np.full(3, 1_000, dtype=np.int64)  # ±10% on each bar, in basis points
    kernel.simulate(bars, bars, days, want, band, 10**6, 25_000, 50_000, 500, 1, 1, 100)


def first_jit_call() -> tuple[float, float, bool] | None:
    """Seconds to import numba and the kernel, seconds of the first call, and whether that
    call loaded the compiled code from the on-disk cache; None without numba."""
    started = time.perf_counter()
    kernel = jit_kernel()
    imported = time.perf_counter() - started
    if kernel is None:
        return None
    started = time.perf_counter()
    _first_call()
    first = time.perf_counter() - started
    hits = sum(kernel.simulate.stats.cache_hits.values())
    return imported, first, hits > 0


def compile_in_fresh_process() -> float | None:
    """The first call's seconds in a new process whose numba cache is empty: a real compile."""
    code = (
        "import sys, time; sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[2]);"
        "import backtest as b; b.jit_kernel(); t = time.perf_counter(); b._first_call();"
        "print(time.perf_counter() - t)"
    )
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "NUMBA_CACHE_DIR": cache}
        env.pop("MYSTOCKS_NO_JIT", None)
        done = subprocess.run(
            [sys.executable, "-c", code, str(ROOT / "src"), str(ROOT / "bench")],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode:
        print(done.stderr, file=sys.stderr)
        return None
    return float(done.stdout.split()[-1])


def _ohlc(b: BarData) -> OHLC:
    return OHLC(b.open, b.high, b.low, b.close, np.zeros_like(b.close))


def _opens_at_limit(b: BarData) -> int:
    prev = np.rint(b.close[:-1] * 100).astype(np.int64)
    o = np.rint(b.open[1:] * 100).astype(np.int64)
    up, down = (prev * 110 + 50) // 100, (prev * 90 + 50) // 100
    return int(np.count_nonzero((o >= up) | (o <= down)))


if __name__ == "__main__":
    sys.exit(main())
