// The MyStocks TypeScript client: generated types (./schema, from the contract) and a typed fetch
// client (openapi-fetch). Import from here, never from the generated file directly.
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { components, paths } from "./schema";

export type { components, paths };
export type Schemas = components["schemas"];
export type Bar = Schemas["Bar"];
export type BarPage = Schemas["BarPage"];
export type Quote = Schemas["Quote"];
export type Instrument = Schemas["Instrument"];
export type Problem = Schemas["Problem"];
export type Period = Schemas["Period"];
export type Dashboard = Schemas["Dashboard"];
export type Role = Schemas["Role"];
export type User = Schemas["User"];
export type Watchlist = Schemas["Watchlist"];
export type WatchlistQuotes = Schemas["WatchlistQuotes"];
export type IndicatorName = Schemas["IndicatorName"];
export type IndicatorPage = Schemas["IndicatorPage"];

export type MyStocksClient = Client<paths>;

export { ApiError, Session, SessionEnded } from "./auth";
export type { SessionOptions, SessionTokens } from "./auth";
export { EventStreamParser, readEvents, StreamRefused } from "./sse";
export type {
  BacktestUpdateEvent,
  DashboardUpdateEvent,
  RawEvent,
  RiskAlertEvent,
  SsePath,
  SseStreams,
  StreamOptions,
  TrainingUpdateEvent,
} from "./sse";
export { MyStocksChannel } from "./ws";
export type { ChannelOptions, WsClientMessage, WsCloseCode, WsMessageOf, WsServerMessage } from "./ws";

/** A client for one server; pass the bearer token from `POST /api/v1/auth/token`. */
export function createMyStocksClient(
  baseUrl: string,
  token?: string,
  options: Omit<ClientOptions, "baseUrl"> = {},
): MyStocksClient {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  return createClient<paths>({ ...options, baseUrl, headers: { ...headers, ...options.headers } });
}

/** Sign in with the OAuth2 password form; resolves to the access token. */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const client = createClient<paths>({ baseUrl });
  const { data, error } = await client.POST("/api/v1/auth/token", {
    body: { username, password, grant_type: "password" },
    bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  if (error) throw new Error(`${error.title}: ${error.detail ?? ""}`);
  return data.access_token;
}
