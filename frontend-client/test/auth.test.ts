import { describe, expect, it } from "vitest";
import { Session, SessionEnded, type SessionTokens } from "../src/index";

const BASE = "http://api.test";

/** A fake server: answers sign-in, refresh (single-use tokens) and one protected operation. */
function fakeServer() {
  let issued = 0;
  let live = new Set<string>(); // valid access tokens
  let refreshToken = "";
  const calls: string[] = [];
  let refreshDelayMs = 0;
  const pair = () => {
    issued += 1;
    live = new Set([`access-${issued}`]);
    refreshToken = `refresh-${issued}`;
    return {
      access_token: `access-${issued}`,
      token_type: "bearer",
      expires_in: 3600,
      refresh_token: refreshToken,
      refresh_expires_in: 86400,
      role: "admin",
    };
  };
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  const fetch = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    const auth = request.headers.get("Authorization") ?? "";
    calls.push(`${request.method} ${path} ${auth}`);
    if (path === "/api/v1/auth/token") return json(pair());
    if (path === "/api/v1/auth/refresh") {
      const body = (await request.json()) as { refresh_token: string };
      await new Promise((resolve) => setTimeout(resolve, refreshDelayMs));
      if (body.refresh_token !== refreshToken) {
        return json({ title: "Unauthorized", status: 401, detail: "refresh token reused" }, 401);
      }
      return json(pair());
    }
    if (path === "/api/v1/auth/logout") return new Response(null, { status: 204 });
    if (!live.has(auth.replace("Bearer ", ""))) {
      return json({ title: "Unauthorized", status: 401 }, 401);
    }
    return json({ username: "admin", role: "admin", created_at: "2026-11-24T04:28:00Z" });
  };
  return {
    fetch,
    calls,
    /** The server forgets the current access token (as after a restart with a new key). */
    revokeAccess: () => live.clear(),
    slowRefresh: (ms: number) => {
      refreshDelayMs = ms;
    },
    refreshes: () => calls.filter((c) => c.includes("/auth/refresh")).length,
  };
}

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("Session", () => {
  it("signs in and sends the bearer token", async () => {
    const server = fakeServer();
    const changes: (SessionTokens | null)[] = [];
    const session = await Session.login(
      { baseUrl: BASE, fetch: server.fetch, timer: false, onChange: (t) => changes.push(t) },
      "admin",
      "mystocks-admin",
    );
    const { data } = await session.client.GET("/api/v1/users/me");
    expect(data?.username).toBe("admin");
    expect(server.calls.at(-1)).toBe("GET /api/v1/users/me Bearer access-1");
    expect(changes.map((c) => c?.accessToken)).toEqual(["access-1"]);
  });

  it("refreshes shortly before the access token expires, not earlier", async () => {
    const server = fakeServer();
    const time = clock();
    const options = { baseUrl: BASE, fetch: server.fetch, timer: false, now: time.now };
    const session = await Session.login(options, "admin", "mystocks-admin");
    time.advance((3600 - 61) * 1000);
    await session.client.GET("/api/v1/users/me");
    expect(server.refreshes()).toBe(0);
    time.advance(2000); // now within the 60 s margin
    await session.client.GET("/api/v1/users/me");
    expect(server.refreshes()).toBe(1);
    expect(server.calls.at(-1)).toBe("GET /api/v1/users/me Bearer access-2");
  });

  it("sends one refresh for many concurrent requests (the refresh token is single-use)", async () => {
    const server = fakeServer();
    const time = clock();
    const options = { baseUrl: BASE, fetch: server.fetch, timer: false, now: time.now };
    const session = await Session.login(options, "admin", "mystocks-admin");
    server.slowRefresh(20);
    time.advance(3600 * 1000);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => session.client.GET("/api/v1/users/me")),
    );
    expect(answers.every((a) => a.response.status === 200)).toBe(true);
    expect(server.refreshes()).toBe(1);
    expect(session.active).toBe(true);
  });

  it("refreshes once and retries after a 401, then gives the second 401 back", async () => {
    const server = fakeServer();
    const session = await Session.login(
      { baseUrl: BASE, fetch: server.fetch, timer: false },
      "admin",
      "mystocks-admin",
    );
    server.revokeAccess();
    const first = await session.client.GET("/api/v1/users/me");
    expect(first.response.status).toBe(200);
    expect(server.refreshes()).toBe(1);
    expect(server.calls.slice(-3)).toEqual([
      "GET /api/v1/users/me Bearer access-1",
      "POST /api/v1/auth/refresh ",
      "GET /api/v1/users/me Bearer access-2",
    ]);
  });

  it("ends the session when the refresh token is refused", async () => {
    const server = fakeServer();
    const changes: (SessionTokens | null)[] = [];
    const session = new Session(
      { baseUrl: BASE, fetch: server.fetch, timer: false, onChange: (t) => changes.push(t) },
      {
        accessToken: "stale",
        refreshToken: "copied",
        role: "admin",
        issuedAt: 0,
        expiresAt: Date.now() + 3_600_000,
        refreshExpiresAt: Date.now() + 86_400_000,
      },
    );
    await expect(session.refresh()).rejects.toBeInstanceOf(SessionEnded);
    expect(session.active).toBe(false);
    expect(changes).toEqual([null]);
  });

  it("signs out on the server and forgets the tokens", async () => {
    const server = fakeServer();
    const session = await Session.login(
      { baseUrl: BASE, fetch: server.fetch, timer: false },
      "admin",
      "mystocks-admin",
    );
    await session.logout();
    expect(server.calls.at(-1)).toBe("POST /api/v1/auth/logout Bearer access-1");
    expect(session.active).toBe(false);
    await expect(session.accessToken()).rejects.toBeInstanceOf(SessionEnded);
  });
});
