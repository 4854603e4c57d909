"""Backtest speed: the full A-share rule engine beside a loop-free NumPy signal, same run.

    python bench/backtest.py [--symbols 50] [--years 10] [--repeat 3] [--json PATH]

Synthetic daily bars (seeded, fat-tailed returns, every price on the 0.01 grid, moves clipped
to the ±10% limit band so limit-up and limit-down opens occur) for `--symbols` symbols over
`--years` × 252 trading days. Two measurements over the same data:

- engine: `run_backtest` with sma_cross(5, 20) and every rule (board lots, T+1, price limits,
  commission with a 5 CNY minimum, stamp duty, 1-tick slippage, next-open fills, equity curve
  and metrics);
- reference: per symbol, MA5 and MA20 by float cumulative sums, the long/flat positions
  (MA5 > MA20) and their crossover points; NumPy only, no Python loop over bars, no fills.

Figures are bars/s (symbols × days / seconds), best of `--repeat`; the target (DESIGN.md) is
engine/reference ≥ 1. Also shown: how many bars' positions differ between the exact integer
comparison the engine uses and the float reference (ties on the 0.01 grid). Speed is reported,
never asserted: the exit status is 0 whether or not the target is met.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))
from mystocks.backtest import BarData, run_backtest, target_positions  # noqa: E402
from mystocks.services.indicators import OHLC  # noqa: E402

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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--symbols", type=int, default=50, help="symbols [50]")
    parser.add_argument("--years", type=int, default=10, help="years of daily bars [10]")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement, best kept [3]")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    days = args.years * DAYS_PER_YEAR
    bars = make_bars(args.symbols, days)
    total = args.symbols * days
    params = {"fast": 5, "slow": 20}

    def engine() -> object:
        return run_backtest(bars, "sma_cross", params, initial_cash=10_000.0 * args.symbols)

    ohlcs = {s: _ohlc(b) for s, b in bars.items()}

    def signals() -> object:
        return [target_positions("sma_cross", params, o) for o in ohlcs.values()]

    engine()  # warm caches (imports, first-touch allocations) outside the timing
    engine_s = best(args.repeat, engine)
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
        "engine_bars_per_s": total / engine_s,
        "reference_bars_per_s": total / reference_s,
        "ratio": reference_s / engine_s,
        "exact_signal_bars_per_s": total / signals_s,
        "fills": len(result.trades),
        "us_per_fill_beyond_signal": (engine_s - signals_s) / max(len(result.trades), 1) * 1e6,
        "opens_at_a_limit_price": at_limit,
        "bars_differing_float_vs_exact": differ,
        "total_return": result.metrics["total_return"],
    }
    table = Table("measure", "value", title=f"sma_cross(5,20), {args.symbols} × {days} daily bars")
    table.add_row("engine, every rule (bars/s)", f"{figures['engine_bars_per_s']:,.0f}")
    table.add_row("reference, signal only (bars/s)", f"{figures['reference_bars_per_s']:,.0f}")
    table.add_row("engine / reference (target ≥ 1)", f"{figures['ratio']:.3f}")
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


def _ohlc(b: BarData) -> OHLC:
    return OHLC(b.open, b.high, b.low, b.close, np.zeros_like(b.close))


def _opens_at_limit(b: BarData) -> int:
    prev = np.rint(b.close[:-1] * 100).astype(np.int64)
    o = np.rint(b.open[1:] * 100).astype(np.int64)
    up, down = (prev * 110 + 50) // 100, (prev * 90 + 50) // 100
    return int(np.count_nonzero((o >= up) | (o <= down)))


if __name__ == "__main__":
    main()
