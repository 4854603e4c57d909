"""Training jobs: a parameter search where every trial is a full backtest, ranked by an objective.

The combinations are decided (and checked) in the server when the job is created, from the
search the job records; the same seeded decision rebuilds them where the job runs (`inputs`),
so it tries exactly what was checked. The worker runs them in order, reports progress after
each trial and stops between trials when cancelled.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from typing import Any, cast

import numpy as np
from mystocks_contract import typeddicts as td

from mystocks.adapters.sql.relational import RelationalStore
from mystocks.backtest import STRATEGY_TYPES, BarData, Costs, run_backtest, validate_parameters
from mystocks.errors import FieldProblem, RuleViolation
from mystocks.identity.auth import Principal
from mystocks.jobs.backtests import COST_DEFAULTS, check_bars, load_bars
from mystocks.jobs.book import JobBook, presented
from mystocks.jobs.runner import Work

MAX_TRIALS = 500
LOWER_IS_BETTER = {"max_drawdown"}


def _problem(name: str, detail: str) -> RuleViolation:
    return RuleViolation(detail, (FieldProblem("body", name, detail),))


def combinations(strategy_type: str, body: Mapping[str, Any]) -> list[dict[str, int | float]]:
    """The parameter sets to try: the grid's product or seeded draws from the ranges, each
    completed with defaults and checked; refused ones (fast ≥ slow) are left out."""
    if ("grid" in body) == ("ranges" in body):
        raise _problem("grid", "give exactly one of grid and ranges")
    known = {p.name: p for p in STRATEGY_TYPES[strategy_type].parameters}
    searched = body.get("grid") or body.get("ranges") or {}
    unknown = sorted(set(searched) - set(known))
    if unknown:
        raise _problem(
            "grid" if "grid" in body else "ranges",
            f"{strategy_type} has no parameter {', '.join(unknown)}",
        )
    if "grid" in body:
        names = list(searched)
        size = int(np.prod([len(v) for v in searched.values()])) if names else 1
        if size > MAX_TRIALS:
            raise _problem("grid", f"the grid has {size} combinations; at most {MAX_TRIALS}")
        raw = [
            dict(zip(names, values, strict=True))
            for values in itertools.product(*searched.values())
        ]
    else:
        rng = np.random.default_rng(body.get("seed", 0))
        raw = []
        for _ in range(body.get("trials", 20)):
            draw: dict[str, float] = {}
            for name, bounds in searched.items():
                lo, hi = bounds["minimum"], bounds["maximum"]
                if lo > hi:
                    raise _problem("ranges", f"{name}: minimum is above maximum")
                integer = known[name].kind == "int"
                draw[name] = (
                    int(rng.integers(int(lo), int(hi) + 1))
                    if integer
                    else float(rng.uniform(lo, hi))
                )
            raw.append(draw)
    chosen: list[dict[str, int | float]] = []
    for candidate in raw:
        try:
            checked = validate_parameters(strategy_type, candidate)
        except ValueError:
            continue
        if checked not in chosen:
            chosen.append(checked)
    if not chosen:
        raise _problem(
            "grid" if "grid" in body else "ranges", f"no combination is valid for {strategy_type}"
        )
    return chosen


def score_of(metrics: dict[str, Any], objective: str) -> float | None:
    value = metrics.get(objective)
    if value is None:
        return None
    return -float(value) if objective in LOWER_IS_BETTER else float(value)


def train(
    bars: dict[str, BarData],
    strategy_type: str,
    trials: list[dict[str, Any]],
    initial_cash: float,
    costs: dict[str, Any],
    objective: str,
    *,
    progress: Any,
    should_stop: Any,
) -> dict[str, Any]:
    """Run in a worker process: every trial, then rank them (undefined scores last)."""
    results: list[dict[str, Any]] = []
    for done, parameters in enumerate(trials, start=1):
        result = run_backtest(
            bars,
            strategy_type,
            parameters,
            initial_cash=initial_cash,
            costs=Costs(**costs),
            should_stop=should_stop,
        )
        results.append(
            {
                "parameters": parameters,
                "metrics": dict(result.metrics),
                "score": score_of(result.metrics, objective),
            }
        )
        progress(done / len(trials))
    results.sort(key=lambda t: (t["score"] is None, -(t["score"] or 0.0)))
    for rank, trial in enumerate(results, start=1):
        trial["rank"] = rank
        if trial["score"] is not None and objective in LOWER_IS_BETTER:
            trial["score"] = -trial["score"]  # report the metric itself
    best = results[0]
    return {"trials": results, "best_parameters": best["parameters"], "best_score": best["score"]}


def inputs(relational: RelationalStore, row: dict[str, Any]) -> Work:
    """The work of the training job `row` describes, with its bars read now."""
    bars = load_bars(relational, row["symbols"], row["start"], row["end"])
    strategy_type = row["strategy_type"]
    return train, (
        bars,
        strategy_type,
        combinations(strategy_type, row["search"]),
        row["initial_cash"],
        row["costs"],
        row["objective"],
    )


def present(row: dict[str, Any]) -> td.TrainingJob:
    out = presented(
        row,
        (
            "id",
            "owner",
            "status",
            "progress",
            "strategy_type",
            "symbols",
            "objective",
            "trials_planned",
            "best_parameters",
            "best_score",
            "error",
        ),
    )
    out["trials"] = row.get("trials") or []
    return cast(td.TrainingJob, out)


def update_of(row: dict[str, Any]) -> dict[str, Any]:
    """The `TrainingUpdate` an event carries."""
    return {
        "job_id": row["id"],
        "status": row["status"],
        "progress": row["progress"],
        "best_parameters": row["best_parameters"],
        "best_score": row["best_score"],
        "error": row["error"],
    }


class TrainingService:
    def __init__(self, book: JobBook, relational: RelationalStore) -> None:
        self.book = book
        self.relational = relational

    def create_training_job(
        self, principal: Principal, body: td.TrainingRequest, key: str | None
    ) -> td.TrainingJob:
        principal.require("trader")
        if key is not None and (found := self.book.store.find_by_key(principal.username, key)):
            return present(found)
        strategy_type = body["strategy_type"]
        trials = combinations(strategy_type, body)
        start, end = dt.date.fromisoformat(body["start"]), dt.date.fromisoformat(body["end"])
        if end < start:
            raise _problem("end", f"end ({end}) is before start ({start})")
        symbols = [s.upper() for s in body["symbols"]]
        check_bars(self.relational, symbols, start, end)
        fields = {
            "strategy_type": strategy_type,
            "symbols": symbols,
            "start": start,
            "end": end,
            "objective": body.get("objective", "sharpe"),
            "initial_cash": float(body.get("initial_cash", 1e6)),
            "costs": COST_DEFAULTS | (body.get("costs") or {}),
            "trials_planned": len(trials),
            "search": {k: body[k] for k in ("grid", "ranges", "trials", "seed") if k in body},
        }
        row, _ = self.book.create(principal, key, fields)
        return present(row)

    def get_training_job(self, principal: Principal, job_id: int) -> td.TrainingJob:
        return present(self.book.visible(principal, job_id, results=True))

    def list_training_jobs(
        self, principal: Principal, *, status: str | None, cursor: str | None, limit: int
    ) -> td.TrainingPage:
        rows, next_cursor = self.book.page(principal, status=status, cursor=cursor, limit=limit)
        return {"items": [present(r) for r in rows], "next_cursor": next_cursor}

    def cancel_training_job(self, principal: Principal, job_id: int) -> td.TrainingJob:
        self.book.cancel(principal, job_id)
        return self.get_training_job(principal, job_id)
