"""Vectorised, exact A-share backtests: a pure package (no I/O, no HTTP, no database).

``strategies`` describes the strategy types and computes target positions (shared with live
signals); ``engine`` fills them under every A-share rule (board lots, T+1, price limits,
commission with a minimum, stamp duty, slippage, next-open fills) in integer cents.
"""

from mystocks.backtest.engine import (
    BacktestResult,
    BarData,
    Cancelled,
    Costs,
    Trade,
    run_backtest,
)
from mystocks.backtest.strategies import (
    STRATEGY_TYPES,
    Parameter,
    Params,
    StrategyType,
    target_positions,
    validate_parameters,
)
from mystocks.domain.boards import band_on, band_series

__all__ = [
    "STRATEGY_TYPES",
    "BacktestResult",
    "BarData",
    "Cancelled",
    "Costs",
    "Parameter",
    "Params",
    "StrategyType",
    "Trade",
    "band_on",
    "band_series",
    "run_backtest",
    "target_positions",
    "validate_parameters",
]
