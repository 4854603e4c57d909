// The logic of the strategy store that needs no browser and no server: problem details as words,
// ETags, a type's default parameters, job updates from the event streams, and the search grid
// typed by the user. Unit-tested in frontend-client/test/app/strategy-logic.test.ts.
import type { Problem, Schemas } from "@mystocks/client";

/**
 * A stored strategy, with its `type`. The generated `Strategy` lacks it: openapi-typescript turns
 * the contract's `allOf: [StrategyMeta, StrategyFields, StrategyDefinition]` (a `oneOf` with a
 * `type` discriminator) into `Omit<StrategyDefinition, "type">`. The API sends it (the contract's
 * example shows it), so it is put back here; `asStrategy` is the one place that says so.
 */
export type Strategy = Schemas["Strategy"] & StrategyDefinition;
/** A new strategy or all of one (`POST`, `PUT`): the same `type` put back (see `Strategy`). */
export type StrategyInput = Schemas["StrategyFields"] & StrategyDefinition & { status?: Schemas["StrategyStatus"] };
export type StrategyTypeInfo = Schemas["StrategyTypeInfo"];
export type StrategyParameterInfo = Schemas["StrategyParameterInfo"];
export type StrategyType = Schemas["StrategyType"];
export type StrategyDefinition = Schemas["StrategyDefinition"];
export type Backtest = Schemas["Backtest"];
export type BacktestUpdate = Schemas["BacktestUpdate"];
export type BacktestRequest = Schemas["BacktestRequest"];
export type TrainingJob = Schemas["TrainingJob"];
export type TrainingUpdate = Schemas["TrainingUpdate"];
export type TrainingRequest = Schemas["TrainingRequest"];
export type JobStatus = Schemas["JobStatus"];
export type Parameters = Record<string, number>;

/** A failed request, with the server's problem details (RFC 9457) when it sent them. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem>,
  ) {
    super(problemText(problem, status));
    this.name = "ProblemError";
  }
}

/** The problem's `detail` and each field error, for a person to read. */
export function problemText(problem: Partial<Problem>, status?: number): string {
  const head = problem.detail ?? problem.title ?? (status ? `HTTP ${status}` : "error");
  const fields = (problem.errors ?? [])
    .filter((e) => e.detail !== problem.detail)
    .map((e) => `${e.name}: ${e.detail}`);
  return [head, ...fields].join("\n");
}

/** The `If-Match` value of a strategy version (the server's ETag is the quoted version). */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** A type's parameters at their defaults, as the API lists them. */
export function defaultsFor(info: StrategyTypeInfo): Parameters {
  return Object.fromEntries(info.parameters.map((p) => [p.name, p.default]));
}

/** Keep the values the type knows (inside its bounds) and fill the rest with defaults. */
export function parametersFor(info: StrategyTypeInfo, values: Parameters): Parameters {
  const out = defaultsFor(info);
  for (const p of info.parameters) {
    const v = values[p.name];
    if (typeof v === "number" && Number.isFinite(v) && v >= p.minimum && v <= p.maximum) out[p.name] = v;
  }
  return out;
}

export function asStrategy(strategy: Schemas["Strategy"]): Strategy {
  return strategy as Strategy;
}

/** A type's definition with its parameters, typed as the contract's discriminated union. */
export function definition(type: StrategyType, parameters: Parameters): StrategyDefinition {
  return { type, parameters } as StrategyDefinition;
}

export const FINISHED: ReadonlySet<JobStatus> = new Set(["succeeded", "failed", "cancelled"]);

export function isFinished(status: JobStatus): boolean {
  return FINISHED.has(status);
}

/** A backtest after one `backtest_update` event (the event's fields win; older events are ignored). */
export function applyBacktestUpdate(job: Backtest, update: BacktestUpdate): Backtest {
  if (update.backtest_id !== job.id || isFinished(job.status)) return job;
  return {
    ...job,
    status: update.status,
    progress: update.progress,
    ...(update.metrics !== undefined ? { metrics: update.metrics } : {}),
    ...(update.error !== undefined ? { error: update.error } : {}),
  };
}

/** A training job after one `training_update` event. */
export function applyTrainingUpdate(job: TrainingJob, update: TrainingUpdate): TrainingJob {
  if (update.job_id !== job.id || isFinished(job.status)) return job;
  return {
    ...job,
    status: update.status,
    progress: update.progress,
    ...(update.best_parameters !== undefined ? { best_parameters: update.best_parameters } : {}),
    ...(update.best_score !== undefined ? { best_score: update.best_score } : {}),
    ...(update.error !== undefined ? { error: update.error } : {}),
  };
}

/** Insert or replace a job by id, newest (highest id) first. */
export function upsert<T extends { id: number }>(list: readonly T[], item: T): T[] {
  return [item, ...list.filter((x) => x.id !== item.id)].sort((a, b) => b.id - a.id);
}

/**
 * The values to try for one parameter, typed as `5, 10, 20` (commas, spaces or 、 between them).
 * Throws on anything that is not a number or outside the parameter's bounds.
 */
export function parseGridValues(text: string, info: StrategyParameterInfo): number[] {
  const parts = text.split(/[\s,，、;]+/).filter(Boolean);
  const values = parts.map((part) => {
    const value = Number(part);
    if (!Number.isFinite(value)) throw new RangeError(`${info.name}: ${part}`);
    if (info.kind === "integer" && !Number.isInteger(value)) throw new RangeError(`${info.name}: ${part}`);
    if (value < info.minimum || value > info.maximum) {
      throw new RangeError(`${info.name}: ${part} ∉ [${info.minimum}, ${info.maximum}]`);
    }
    return value;
  });
  return [...new Set(values)];
}

/** Combinations a grid makes (the API refuses more than 500). */
export function gridSize(grid: Record<string, number[]>): number {
  const sizes = Object.values(grid).filter((v) => v.length > 0);
  return sizes.length ? sizes.reduce((n, v) => n * v.length, 1) : 0;
}
