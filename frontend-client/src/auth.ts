// A signed-in session: the token pair from `POST /api/v1/auth/token`, refreshed shortly before
// the access token expires (`POST /api/v1/auth/refresh`), and a typed client whose requests carry
// the bearer token and are retried once after a refresh when the server answers 401.
//
// The refresh token is single-use: presenting a retired one ends the whole session (the server
// takes it as stolen). So refreshes are serialised: callers that need one while another is in
// flight wait for it instead of sending the same refresh token again.
import createClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema";

type Token = components["schemas"]["Token"];
type Role = components["schemas"]["Role"];
type Problem = components["schemas"]["Problem"];

/** What a session keeps, and what an app may store to resume it after a reload. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  role: Role;
  /** Epoch milliseconds. */
  issuedAt: number;
  expiresAt: number;
  refreshExpiresAt: number;
}

export interface SessionOptions {
  baseUrl: string;
  /** Refresh this long before the access token expires (default 60 s, at most half its life). */
  refreshMarginSeconds?: number;
  /** Called with the new tokens after sign-in and every refresh, and with null once it ends. */
  onChange?: (tokens: SessionTokens | null) => void;
  /** Injectable for tests and non-browser runtimes. */
  fetch?: (input: Request) => Promise<Response>;
  now?: () => number;
  /** Refresh on a timer as well as on demand (default true; a timer keeps WebSockets signed in). */
  timer?: boolean;
}

/** The server refused: its problem document, kept whole. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem>,
  ) {
    super(`${problem.title ?? `HTTP ${status}`}${problem.detail ? `: ${problem.detail}` : ""}`);
    this.name = "ApiError";
  }
}

/** The session ended (signed out, expired, or its refresh token was refused). */
export class SessionEnded extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "SessionEnded";
  }
}

const RETRIED = "X-MyStocks-Retried"; // marks the one retry, so a second 401 is final

function tokensOf(token: Token, now: number): SessionTokens {
  return {
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    role: token.role,
    issuedAt: now,
    expiresAt: now + token.expires_in * 1000,
    refreshExpiresAt: now + token.refresh_expires_in * 1000,
  };
}

async function problemOf(response: Response): Promise<Partial<Problem>> {
  try {
    return (await response.json()) as Partial<Problem>;
  } catch {
    return { title: response.statusText || `HTTP ${response.status}`, status: response.status };
  }
}

export class Session {
  /** The typed API client of this session (bearer header, refresh, one retry after a 401). */
  readonly client: Client<paths>;
  private tokens: SessionTokens | null;
  private refreshing: Promise<SessionTokens> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly fetchImpl: (input: Request) => Promise<Response>;
  private readonly now: () => number;

  /** Resume a session from stored tokens (see `onChange`); `Session.login` starts one. */
  constructor(
    private readonly options: SessionOptions,
    tokens: SessionTokens,
  ) {
    this.tokens = tokens;
    this.fetchImpl = options.fetch ?? ((input) => globalThis.fetch(input));
    this.now = options.now ?? Date.now;
    const clientOptions: ClientOptions = {
      baseUrl: options.baseUrl,
      fetch: this.fetchImpl,
      // Every array parameter of the contract is `style: form, explode: false` (`a,b,c`).
      querySerializer: { array: { style: "form", explode: false } },
    };
    this.client = createClient<paths>(clientOptions);
    this.client.use(this.middleware());
    this.schedule();
  }

  /** Sign in with the OAuth2 password form. */
  static async login(options: SessionOptions, username: string, password: string): Promise<Session> {
    const fetchImpl = options.fetch ?? ((input: Request) => globalThis.fetch(input));
    const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: fetchImpl });
    const { data, error, response } = await client.POST("/api/v1/auth/token", {
      body: { username, password, grant_type: "password" },
      bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    if (!data) throw new ApiError(response.status, error ?? {});
    const tokens = tokensOf(data, (options.now ?? Date.now)());
    const session = new Session(options, tokens);
    options.onChange?.(tokens);
    return session;
  }

  get role(): Role | undefined {
    return this.tokens?.role;
  }

  get active(): boolean {
    return this.tokens !== null;
  }

  /** A valid access token, refreshed first when it expires within the margin. */
  async accessToken(): Promise<string> {
    const tokens = this.current();
    if (this.now() < tokens.expiresAt - this.marginMs(tokens)) return tokens.accessToken;
    return (await this.refresh()).accessToken;
  }

  /** Exchange the refresh token for a new pair; concurrent callers share one exchange. */
  refresh(): Promise<SessionTokens> {
    this.refreshing ??= this.exchange().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Sign out on the server (every instance refuses the tokens from now on), then forget them. */
  async logout(): Promise<void> {
    const tokens = this.tokens;
    if (tokens === null) return;
    try {
      const request = new Request(`${this.options.baseUrl}/api/v1/auth/logout`, {
        method: "POST",
        headers: { Authorization: `Bearer ${tokens.accessToken}` },
      });
      await this.fetchImpl(request);
    } finally {
      this.end();
    }
  }

  private async exchange(): Promise<SessionTokens> {
    const tokens = this.current();
    const request = new Request(`${this.options.baseUrl}/api/v1/auth/refresh`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refresh_token: tokens.refreshToken }),
    });
    const response = await this.fetchImpl(request);
    if (response.status === 401 || response.status === 400) {
      this.end();
      throw new SessionEnded((await problemOf(response)).detail ?? "the session has ended");
    }
    if (!response.ok) throw new ApiError(response.status, await problemOf(response));
    const fresh = tokensOf((await response.json()) as Token, this.now());
    this.tokens = fresh;
    this.schedule();
    this.options.onChange?.(fresh);
    return fresh;
  }

  private middleware(): Middleware {
    // The request as it was before it was sent, for the one retry (a sent body is consumed).
    const pending = new Map<string, Request>();
    return {
      onRequest: async ({ request, id }) => {
        request.headers.set("Authorization", `Bearer ${await this.accessToken()}`);
        if (!request.headers.has(RETRIED)) pending.set(id, request.clone());
        return request;
      },
      onResponse: async ({ response, id }) => {
        const original = pending.get(id);
        pending.delete(id);
        if (response.status !== 401 || original === undefined || this.tokens === null) return;
        const used = original.headers.get("Authorization");
        // Another request may have refreshed meanwhile; only refresh if this one used the
        // current token.
        if (used === `Bearer ${this.tokens.accessToken}`) await this.refresh();
        const retry = new Request(original, { headers: new Headers(original.headers) });
        retry.headers.set("Authorization", `Bearer ${this.current().accessToken}`);
        return this.fetchImpl(retry);
      },
      onError: ({ id }) => {
        pending.delete(id);
      },
    };
  }

  private current(): SessionTokens {
    if (this.tokens === null) throw new SessionEnded("not signed in");
    return this.tokens;
  }

  private marginMs(tokens: SessionTokens): number {
    const margin = (this.options.refreshMarginSeconds ?? 60) * 1000;
    return Math.min(margin, (tokens.expiresAt - tokens.issuedAt) / 2);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.options.timer === false || this.tokens === null) return;
    const due = this.tokens.expiresAt - this.marginMs(this.tokens) - this.now();
    this.timer = setTimeout(
      () => {
        this.refresh().catch(() => undefined); // ended sessions are reported by onChange
      },
      Math.max(due, 1000),
    );
  }

  private end(): void {
    clearTimeout(this.timer);
    if (this.tokens === null) return;
    this.tokens = null;
    this.options.onChange?.(null);
  }
}
