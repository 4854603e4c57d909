// Strategies, their types (the parameter schemas the forms are built from), live signals, and the
// jobs run on them: backtests and parameter searches, with their live progress over the SSE
// streams (`/api/v1/sse/backtest`, `/api/v1/sse/training`) and their results once done.
// Changes to a strategy carry its version in `If-Match`; a 412 is raised as `StaleStrategy`.
import { MyStocksChannel, type Schemas, type SsePath } from "@mystocks/client";
import { defineStore } from "pinia";
import { ref, shallowReactive } from "vue";
import { API_BASE, useAuthStore } from "./auth";
import { liveStream, type LiveStream, type StreamSpec } from "./stream";
import {
  applyBacktestUpdate,
  applyTrainingUpdate,
  asStrategy,
  etagOf,
  isFinished,
  ProblemError,
  upsert,
  type Backtest,
  type BacktestRequest,
  type Strategy,
  type StrategyInput,
  type StrategyTypeInfo,
  type TrainingJob,
  type TrainingRequest,
} from "./strategy-logic";

export type Signal = Schemas["Signal"];
export type EquityPoint = Schemas["EquityPoint"];
export type BacktestTrade = Schemas["BacktestTrade"];
/** A live signal as the WebSocket pushes it (fewer fields than the stored one). */
export type LiveSignal = Schemas["WsSignalData"];

/** The strategy changed on the server since it was read (HTTP 412). */
export class StaleStrategy extends ProblemError {}

interface Failure {
  error?: Partial<Schemas["Problem"]>;
  response: Response;
}

function fail({ error, response }: Failure): never {
  const problem = error ?? {};
  if (response.status === 412) throw new StaleStrategy(412, problem);
  throw new ProblemError(response.status, problem);
}

export const useStrategyStore = defineStore("strategies", () => {
  const auth = useAuthStore();
  const types = ref<StrategyTypeInfo[]>([]);
  const strategies = ref<Strategy[]>([]);
  const backtests = ref<Backtest[]>([]);
  const trainingJobs = ref<TrainingJob[]>([]);
  /** Stored signals (newest first) and those pushed since, by strategy id. */
  const signals = shallowReactive(new Map<number, (Signal | LiveSignal)[]>());
  const equity = shallowReactive(new Map<number, EquityPoint[]>());
  const trades = shallowReactive(new Map<number, BacktestTrade[]>());
  const streams = new Map<string, LiveStream>();
  let channel: MyStocksChannel | null = null;
  const signalChannels = new Set<string>();

  // --- strategy types and strategies ---

  async function loadTypes(): Promise<StrategyTypeInfo[]> {
    if (types.value.length) return types.value;
    const result = await auth.api().GET("/api/v1/strategy-types");
    if (!result.data) fail(result);
    types.value = result.data.items;
    return types.value;
  }

  function typeInfo(type: string): StrategyTypeInfo | undefined {
    return types.value.find((t) => t.type === type);
  }

  async function loadStrategies(): Promise<void> {
    const result = await auth.api().GET("/api/v1/strategies", { params: { query: { limit: 200 } } });
    if (!result.data) fail(result);
    strategies.value = result.data.items.map(asStrategy);
  }

  function remember(strategy: Strategy): Strategy {
    strategies.value = upsert(strategies.value, strategy);
    return strategy;
  }

  async function getStrategy(id: number): Promise<Strategy> {
    const result = await auth.api().GET("/api/v1/strategies/{strategy_id}", { params: { path: { strategy_id: id } } });
    if (!result.data) fail(result);
    return remember(asStrategy(result.data));
  }

  async function createStrategy(input: StrategyInput): Promise<Strategy> {
    const result = await auth.api().POST("/api/v1/strategies", { body: input });
    if (!result.data) fail(result);
    return remember(asStrategy(result.data));
  }

  /** Replace a strategy as of `version`; throws `StaleStrategy` when it changed meanwhile. */
  async function saveStrategy(id: number, version: number, input: StrategyInput): Promise<Strategy> {
    const result = await auth.api().PUT("/api/v1/strategies/{strategy_id}", {
      params: { path: { strategy_id: id }, header: { "If-Match": etagOf(version) } },
      body: input,
    });
    if (!result.data) fail(result);
    return remember(asStrategy(result.data));
  }

  /** Save over whatever changed meanwhile: read the current version, then replace it. */
  async function overwriteStrategy(id: number, input: StrategyInput): Promise<Strategy> {
    const current = await getStrategy(id);
    return saveStrategy(id, current.version, input);
  }

  async function deleteStrategy(strategy: Strategy): Promise<void> {
    const result = await auth.api().DELETE("/api/v1/strategies/{strategy_id}", {
      params: { path: { strategy_id: strategy.id }, header: { "If-Match": etagOf(strategy.version) } },
    });
    if (result.error) fail(result);
    strategies.value = strategies.value.filter((s) => s.id !== strategy.id);
  }

  async function startStrategy(strategy: Strategy): Promise<Strategy> {
    const result = await auth.api().POST("/api/v1/strategies/{strategy_id}/start", {
      params: { path: { strategy_id: strategy.id }, header: { "If-Match": etagOf(strategy.version) } },
      body: {},
    });
    if (!result.data) fail(result);
    return remember(asStrategy(result.data));
  }

  async function stopStrategy(strategy: Strategy): Promise<Strategy> {
    const result = await auth.api().POST("/api/v1/strategies/{strategy_id}/stop", {
      params: { path: { strategy_id: strategy.id }, header: { "If-Match": etagOf(strategy.version) } },
    });
    if (!result.data) fail(result);
    return remember(asStrategy(result.data));
  }

  // --- live signals ---

  async function loadSignals(id: number): Promise<void> {
    const result = await auth.api().GET("/api/v1/strategies/{strategy_id}/signals", {
      params: { path: { strategy_id: id }, query: { limit: 100 } },
    });
    if (!result.data) fail(result);
    signals.set(id, result.data.items);
  }

  function onSignal(data: LiveSignal): void {
    const list = signals.get(data.strategy_id) ?? [];
    signals.set(data.strategy_id, [data, ...list].slice(0, 200));
  }

  /** Follow `signals:{id}` on the WebSocket; returns the matching stop. */
  function watchSignals(id: number): () => void {
    const name = `signals:${id}`;
    if (channel === null) {
      channel = new MyStocksChannel({
        baseUrl: API_BASE.replace(/^http/, "ws"),
        token: () => auth.accessToken(),
        onMessage: (message) => {
          if (message.type === "signal") onSignal(message.data);
        },
      });
      channel.connect();
    }
    signalChannels.add(name);
    channel.subscribe(name);
    return () => {
      signalChannels.delete(name);
      channel?.unsubscribe(name);
      if (signalChannels.size === 0) {
        channel?.close();
        channel = null;
      }
    };
  }

  // --- backtests ---

  async function loadBacktests(): Promise<void> {
    const result = await auth.api().GET("/api/v1/backtests", { params: { query: { limit: 100 } } });
    if (!result.data) fail(result);
    backtests.value = result.data.items;
  }

  async function getBacktest(id: number): Promise<Backtest> {
    const result = await auth.api().GET("/api/v1/backtests/{backtest_id}", { params: { path: { backtest_id: id } } });
    if (!result.data) fail(result);
    backtests.value = upsert(backtests.value, result.data);
    return result.data;
  }

  async function submitBacktest(request: BacktestRequest): Promise<Backtest> {
    const result = await auth.api().POST("/api/v1/backtests", {
      params: { header: { "Idempotency-Key": crypto.randomUUID() } },
      body: request,
    });
    if (!result.data) fail(result);
    backtests.value = upsert(backtests.value, result.data);
    followBacktest(result.data.id);
    return result.data;
  }

  async function cancelBacktest(id: number): Promise<void> {
    const result = await auth.api().POST("/api/v1/backtests/{backtest_id}/cancel", { params: { path: { backtest_id: id } } });
    if (!result.data) fail(result);
    backtests.value = upsert(backtests.value, result.data);
  }

  /** The equity curve and the trades of a finished backtest (served by the API, not recomputed). */
  async function loadResults(id: number): Promise<void> {
    const path = { params: { path: { backtest_id: id } } };
    const [curve, fills] = await Promise.all([
      auth.api().GET("/api/v1/backtests/{backtest_id}/equity", path),
      auth.api().GET("/api/v1/backtests/{backtest_id}/trades", path),
    ]);
    if (!curve.data) fail(curve);
    if (!fills.data) fail(fills);
    equity.set(id, curve.data.items);
    trades.set(id, fills.data.items);
  }

  function backtestUpdated(job: Backtest): void {
    backtests.value = upsert(backtests.value, job);
    if (isFinished(job.status)) {
      stopStream(`backtest:${job.id}`);
      if (job.status === "succeeded") void loadResults(job.id);
    }
  }

  /** Follow a backtest's progress live until it finishes, then load its results. */
  function followBacktest(id: number): void {
    follow(`backtest:${id}`, {
      path: "/api/v1/sse/backtest",
      query: { job_id: id },
      onEvent: (event) => {
        const job = backtests.value.find((b) => b.id === id);
        if (job) backtestUpdated(applyBacktestUpdate(job, event.data));
      },
      // Read the job once the stream is open, so an update made before it is not missed.
      onOpen: () => void getBacktest(id).then(backtestUpdated, () => undefined),
    });
  }

  // --- parameter searches ---

  async function loadTrainingJobs(): Promise<void> {
    const result = await auth.api().GET("/api/v1/training-jobs", { params: { query: { limit: 100 } } });
    if (!result.data) fail(result);
    trainingJobs.value = result.data.items;
  }

  async function getTrainingJob(id: number): Promise<TrainingJob> {
    const result = await auth.api().GET("/api/v1/training-jobs/{job_id}", { params: { path: { job_id: id } } });
    if (!result.data) fail(result);
    trainingJobs.value = upsert(trainingJobs.value, result.data);
    return result.data;
  }

  async function submitTraining(request: TrainingRequest): Promise<TrainingJob> {
    const result = await auth.api().POST("/api/v1/training-jobs", {
      params: { header: { "Idempotency-Key": crypto.randomUUID() } },
      body: request,
    });
    if (!result.data) fail(result);
    trainingJobs.value = upsert(trainingJobs.value, result.data);
    followTraining(result.data.id);
    return result.data;
  }

  async function cancelTraining(id: number): Promise<void> {
    const result = await auth.api().POST("/api/v1/training-jobs/{job_id}/cancel", { params: { path: { job_id: id } } });
    if (!result.data) fail(result);
    trainingJobs.value = upsert(trainingJobs.value, result.data);
  }

  function trainingUpdated(job: TrainingJob): void {
    trainingJobs.value = upsert(trainingJobs.value, job);
    if (isFinished(job.status)) {
      stopStream(`training:${job.id}`);
      // The ranked trials are in the job itself, read once it is done.
      if (job.status === "succeeded" && job.trials.length === 0) void getTrainingJob(job.id);
    }
  }

  function followTraining(id: number): void {
    follow(`training:${id}`, {
      path: "/api/v1/sse/training",
      query: { job_id: id },
      onEvent: (event) => {
        const job = trainingJobs.value.find((j) => j.id === id);
        if (job) trainingUpdated(applyTrainingUpdate(job, event.data));
      },
      onOpen: () => void getTrainingJob(id).then(trainingUpdated, () => undefined),
    });
  }

  /** One job's stream under `key`, until the job finishes (`stopStream`) or it is refused. */
  function follow<P extends SsePath>(key: string, options: StreamSpec<P>): void {
    if (streams.has(key)) return;
    const stream = liveStream(options, () => streams.delete(key));
    streams.set(key, stream);
    stream.start();
  }

  function stopStream(key: string): void {
    streams.get(key)?.stop();
    streams.delete(key);
  }

  /** Stop every stream and the signal channel (leaving the pages, or signing out). */
  function stopAll(): void {
    for (const key of [...streams.keys()]) stopStream(key);
    channel?.close();
    channel = null;
    signalChannels.clear();
  }

  return {
    types,
    strategies,
    backtests,
    trainingJobs,
    signals,
    equity,
    trades,
    loadTypes,
    typeInfo,
    loadStrategies,
    getStrategy,
    createStrategy,
    saveStrategy,
    overwriteStrategy,
    deleteStrategy,
    startStrategy,
    stopStrategy,
    loadSignals,
    watchSignals,
    loadBacktests,
    getBacktest,
    submitBacktest,
    cancelBacktest,
    loadResults,
    followBacktest,
    loadTrainingJobs,
    getTrainingJob,
    submitTraining,
    cancelTraining,
    followTraining,
    stopAll,
  };
});
