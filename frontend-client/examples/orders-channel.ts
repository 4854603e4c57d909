// A typed example that `tsc --noEmit` checks against the generated types: the `orders` and
// `alerts` channels' messages narrow on `type` to the contract's `PaperTrade`, `Order` and
// `Alert`, so a renamed field or event type stops this file compiling.
import { MyStocksChannel, type Schemas, type WsMessageOf, type WsServerMessage } from "../src/index";

export interface PaperLog {
  trades: Schemas["PaperTrade"][];
  orders: Map<number, Schemas["Order"]>;
  alerts: Schemas["Alert"][];
}

export function onPaperMessage(log: PaperLog, message: WsServerMessage): void {
  switch (message.type) {
    case "trade":
      log.trades.push(message.data);
      break;
    case "order_update":
      log.orders.set(message.data.id, message.data);
      break;
    case "risk_alert":
      log.alerts.push(message.data);
      break;
  }
}

export function filledValue(update: WsMessageOf<"order_update">): number {
  const { filled_quantity, avg_fill_price } = update.data;
  return filled_quantity * (avg_fill_price ?? 0);
}

export function followPaper(baseUrl: string, token: string): PaperLog {
  const log: PaperLog = { trades: [], orders: new Map(), alerts: [] };
  const channel = new MyStocksChannel({
    baseUrl,
    token: () => token,
    onMessage: (message) => onPaperMessage(log, message),
  });
  channel.connect();
  channel.subscribe("orders", "alerts");
  return log;
}
