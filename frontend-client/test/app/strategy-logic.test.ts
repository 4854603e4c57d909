// The app's strategy store logic that needs no browser (app/src/stores/strategy-logic.ts).
import { describe, expect, it } from "vitest";
import {
  applyBacktestUpdate,
  applyTrainingUpdate,
  defaultsFor,
  etagOf,
  gridSize,
  parametersFor,
  parseGridValues,
  problemText,
  upsert,
  type Backtest,
  type StrategyTypeInfo,
  type TrainingJob,
} from "../../app/src/stores/strategy-logic";

const SMA: StrategyTypeInfo = {
  type: "sma_cross",
  title: "Moving-average crossover",
  description: "Long while MA(fast) > MA(slow).",
  parameters: [
    { name: "fast", kind: "integer", minimum: 1, maximum: 250, default: 5, description: "fast" },
    { name: "slow", kind: "integer", minimum: 2, maximum: 500, default: 20, description: "slow" },
  ],
};
const BOLL: StrategyTypeInfo = {
  type: "bollinger_breakout",
  title: "Bollinger",
  description: "",
  parameters: [
    { name: "period", kind: "integer", minimum: 5, maximum: 250, default: 20, description: "" },
    { name: "k", kind: "number", minimum: 0.5, maximum: 5, default: 2, description: "" },
  ],
};

const backtest = (over: Partial<Backtest> = {}): Backtest => ({
  id: 7,
  owner: "admin",
  status: "running",
  progress: 0.2,
  strategy_id: null,
  strategy: { type: "sma_cross", parameters: { fast: 5, slow: 20 } },
  symbols: ["600036.SH"],
  start: "2016-01-01",
  end: "2016-12-31",
  initial_cash: 1_000_000,
  costs: { commission_rate: 0.00025, min_commission: 5, stamp_duty_rate: 0.0005, slippage_ticks: 1 },
  metrics: null,
  error: null,
  created_at: "2026-11-24T05:00:00Z",
  started_at: null,
  finished_at: null,
  ...over,
});

const METRICS = {
  total_return: 0.1, annual_return: 0.1, sharpe: 1, sortino: 1.2, max_drawdown: 0.05,
  win_rate: 0.5, turnover: 3, round_trips: 2, trades: 4, final_equity: 1_100_000,
};

describe("problemText", () => {
  it("shows the detail and each field error", () => {
    const text = problemText({
      title: "Unprocessable Entity",
      detail: "end is before start",
      errors: [
        { in: "body", name: "end", detail: "must not be before start" },
        { in: "body", name: "x", detail: "end is before start" },
      ],
    });
    expect(text).toBe("end is before start\nend: must not be before start");
  });

  it("falls back to the title, then the status", () => {
    expect(problemText({ title: "Forbidden" })).toBe("Forbidden");
    expect(problemText({}, 502)).toBe("HTTP 502");
  });
});

describe("If-Match", () => {
  it("quotes a version for If-Match, as the server's ETag does", () => {
    expect(etagOf(3)).toBe('"3"');
  });
});

describe("parameters from a type's schema", () => {
  it("starts at the defaults", () => {
    expect(defaultsFor(SMA)).toEqual({ fast: 5, slow: 20 });
  });

  it("keeps known values inside the bounds and drops the others (a type switch)", () => {
    expect(parametersFor(SMA, { fast: 10, slow: 900, period: 14 })).toEqual({ fast: 10, slow: 20 });
    expect(parametersFor(BOLL, { fast: 10, slow: 30 })).toEqual({ period: 20, k: 2 });
  });
});

describe("job updates from the event streams", () => {
  it("moves a backtest's progress and takes its metrics when it succeeds", () => {
    const job = backtest();
    const running = applyBacktestUpdate(job, { backtest_id: 7, status: "running", progress: 0.6 });
    expect(running).toMatchObject({ status: "running", progress: 0.6, metrics: null });
    const done = applyBacktestUpdate(running, { backtest_id: 7, status: "succeeded", progress: 1, metrics: METRICS });
    expect(done).toMatchObject({ status: "succeeded", progress: 1, metrics: METRICS });
  });

  it("ignores another job's events and anything after the end (a late, older event)", () => {
    const job = backtest();
    expect(applyBacktestUpdate(job, { backtest_id: 8, status: "succeeded", progress: 1 })).toBe(job);
    const done = backtest({ status: "succeeded", progress: 1, metrics: METRICS });
    expect(applyBacktestUpdate(done, { backtest_id: 7, status: "running", progress: 0.5 })).toBe(done);
  });

  it("keeps a training job's best parameters so far", () => {
    const job: TrainingJob = {
      id: 3, owner: "admin", status: "queued", progress: 0, strategy_type: "sma_cross", symbols: ["600036.SH"],
      start: "2015-01-01", end: "2016-12-31", objective: "sharpe", trials_planned: 4, trials: [],
      best_parameters: null, best_score: null, error: null, created_at: "2026-11-24T05:00:00Z",
      started_at: null, finished_at: null,
    };
    const next = applyTrainingUpdate(job, {
      job_id: 3, status: "running", progress: 0.5, best_parameters: { fast: 5, slow: 30 }, best_score: 0.9,
    });
    expect(next).toMatchObject({ status: "running", progress: 0.5, best_parameters: { fast: 5, slow: 30 }, best_score: 0.9 });
    const failed = applyTrainingUpdate(next, { job_id: 3, status: "failed", progress: 0.5, error: "boom" });
    expect(failed).toMatchObject({ status: "failed", error: "boom", best_score: 0.9 });
  });

  it("keeps lists newest first without duplicates", () => {
    const list = upsert(upsert([backtest({ id: 1 }), backtest({ id: 2 })], backtest({ id: 3 })), backtest({ id: 2, progress: 1 }));
    expect(list.map((b) => [b.id, b.progress])).toEqual([[3, 0.2], [2, 1], [1, 0.2]]);
  });
});

describe("search grids", () => {
  it("reads values separated by commas, spaces or 、, without repeats", () => {
    expect(parseGridValues("5, 10 20、10", SMA.parameters[0]!)).toEqual([5, 10, 20]);
    expect(parseGridValues("  ", SMA.parameters[0]!)).toEqual([]);
    expect(parseGridValues("0.5，1.5", BOLL.parameters[1]!)).toEqual([0.5, 1.5]);
  });

  it("refuses non-numbers, fractions of integer parameters and values out of bounds", () => {
    expect(() => parseGridValues("5, x", SMA.parameters[0]!)).toThrow("fast: x");
    expect(() => parseGridValues("2.5", SMA.parameters[0]!)).toThrow(RangeError);
    expect(() => parseGridValues("600", SMA.parameters[1]!)).toThrow("600 ∉ [2, 500]");
  });

  it("counts the combinations", () => {
    expect(gridSize({ fast: [5, 10], slow: [20, 30, 60] })).toBe(6);
    expect(gridSize({ fast: [], slow: [20] })).toBe(1);
    expect(gridSize({})).toBe(0);
  });
});
