// A typed example that `tsc --noEmit` checks against the generated types: if the contract
// changes under it (a renamed parameter, a new period), this file stops compiling.
import { createMyStocksClient, login, type Bar, type Problem } from "../src/index";

export async function lastYearOfCmb(baseUrl: string): Promise<Bar[]> {
  const token = await login(baseUrl, "admin", "mystocks-admin");
  const api = createMyStocksClient(baseUrl, token);
  const { data, error } = await api.GET("/api/v1/market/bars/{symbol}", {
    params: {
      path: { symbol: "600036.SH" },
      query: { period: "1d", start: "2016-07-01", end: "2017-06-30", fields: ["close", "volume"] },
    },
  });
  if (error) {
    const problem: Problem = error;
    throw new Error(`${problem.status} ${problem.title}: ${problem.detail ?? ""}`);
  }
  const closes: (number | undefined)[] = data.items.map((bar) => bar.close);
  console.log(`${data.symbol}: ${closes.length} closes, next page ${data.next_cursor ?? "none"}`);
  return data.items;
}

export async function badPeriodIsATypeError(baseUrl: string): Promise<void> {
  const api = createMyStocksClient(baseUrl);
  await api.GET("/api/v1/market/bars/{symbol}", {
    // @ts-expect-error "2h" is not a Period in the contract
    params: { path: { symbol: "600036.SH" }, query: { period: "2h" } },
  });
}
