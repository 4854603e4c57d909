// The condition builder's model: the contract's own `ScreenCondition` tree (generated types, so a
// renamed field fails vue-tsc), the defaults a new node starts from, the limits the server checks
// (5 levels, 20 per group) and the placing of the API's field errors (`errors[].name` is the JSON
// path of the offending part: `condition.conditions[0].right.indicator`) on the builder's nodes.
import type { Schemas } from "@mystocks/client";

export type Condition = Schemas["ScreenCondition"];
export type ConditionKind = Condition["kind"];
export type GroupCondition = Schemas["AllCondition"] | Schemas["AnyCondition"];
export type Operand = Schemas["ScreenOperand"];
export type IndicatorOperand = Schemas["IndicatorOperand"];
export type ScreenField = Schemas["ScreenField"];
export type Comparison = Schemas["ComparisonOperator"];
export type IndicatorName = Schemas["IndicatorName"];
export type FieldError = Schemas["FieldError"];

/** Levels of conditions the server accepts, the root being 1 (README "Screening"). */
export const MAX_DEPTH = 5;
/** Conditions in one `all` or `any` group (AllCondition.conditions maxItems). */
export const MAX_CHILDREN = 20;

export const LEAF_KINDS = ["compare", "cross", "change", "breakout", "volume_ratio"] as const;
export const GROUP_KINDS = ["all", "any", "not"] as const;
export const FIELDS: readonly ScreenField[] = ["open", "high", "low", "close", "volume", "amount", "change_pct"];
export const COMPARISONS: readonly Comparison[] = ["gt", "gte", "lt", "lte"];
export const COMPARISON_SIGN: Record<Comparison, string> = { gt: ">", gte: "≥", lt: "<", lte: "≤" };
export const INDICATORS: readonly IndicatorName[] = ["MA", "EMA", "MACD", "RSI", "BOLL", "KDJ", "ATR"];
/**
 * The series each indicator offers as an operand (IndicatorName's table); the first is the
 * default, as the API applies it. MA, EMA and RSI take one period in a screen, one series.
 */
export const OUTPUTS: Record<IndicatorName, readonly string[]> = {
  MA: [],
  EMA: [],
  RSI: [],
  MACD: ["DIF", "DEA", "MACD"],
  BOLL: ["MID", "UPPER", "LOWER"],
  KDJ: ["K", "D", "J"],
  ATR: ["ATR", "TR"],
};
/** Parameters a new indicator operand starts with (the terminals' defaults; one period for MA…). */
export const DEFAULT_PARAMS: Record<IndicatorName, number[]> = {
  MA: [20],
  EMA: [12],
  RSI: [6],
  MACD: [12, 26, 9],
  BOLL: [20, 2],
  KDJ: [9, 3, 3],
  ATR: [14],
};

export const isGroup = (c: Condition): c is GroupCondition => c.kind === "all" || c.kind === "any";

/** A new node of a kind, with values a user would start from. */
export function newCondition(kind: ConditionKind): Condition {
  switch (kind) {
    case "compare":
      return { kind, left: { field: "close" }, op: "gt", right: { indicator: "MA", params: [20] } };
    case "cross":
      return {
        kind,
        fast: { indicator: "MA", params: [5] },
        slow: { indicator: "MA", params: [20] },
        direction: "above",
        within_days: 3,
      };
    case "change":
      return { kind, days: 5, op: "gt", pct: 5 };
    case "breakout":
      return { kind, days: 20, direction: "high" };
    case "volume_ratio":
      return { kind, days: 5, op: "gte", ratio: 2 };
    case "all":
    case "any":
      return { kind, conditions: [newCondition("compare")] };
    case "not":
      return { kind, condition: newCondition("compare") };
  }
}

/** The node turned into another kind, keeping its children where the kinds allow. */
export function changeKind(c: Condition, kind: ConditionKind): Condition {
  if (c.kind === kind) return c;
  if (kind === "all" || kind === "any") {
    if (isGroup(c)) return { kind, conditions: c.conditions };
    if (c.kind === "not") return { kind, conditions: [c.condition] };
    return { kind, conditions: [c] };
  }
  if (kind === "not") {
    if (isGroup(c)) return { kind, condition: c.conditions.length === 1 ? c.conditions[0]! : c };
    return { kind, condition: c };
  }
  return newCondition(kind);
}

/** The kinds a node at `level` (root 1) may take: a group needs room for a child below it. */
export function kindsAt(level: number): ConditionKind[] {
  return level < MAX_DEPTH ? [...LEAF_KINDS, ...GROUP_KINDS] : [...LEAF_KINDS];
}

/** Nodes in the tree (the server takes at most 100). */
export function countNodes(c: Condition): number {
  if (isGroup(c)) return 1 + c.conditions.reduce((n, child) => n + countNodes(child), 0);
  if (c.kind === "not") return 1 + countNodes(c.condition);
  return 1;
}

export type OperandKind = "field" | "indicator" | "number";

export function operandKind(o: Operand): OperandKind {
  if (typeof o === "number") return "number";
  return "field" in o ? "field" : "indicator";
}

export function newOperand(kind: OperandKind): Operand {
  if (kind === "number") return 0;
  if (kind === "field") return { field: "close" };
  return { indicator: "MA", params: [...DEFAULT_PARAMS.MA] };
}

/**
 * "12, 26, 9" (commas, Chinese commas or spaces) as numbers; [] for empty (the API's defaults);
 * null when a part is not a number.
 */
export function parseParams(text: string): number[] | null {
  const parts = text.split(/[,，\s]+/).filter((p) => p !== "");
  const numbers = parts.map(Number);
  return numbers.every((n) => Number.isFinite(n)) ? numbers : null;
}

/** A short reading of an operand: `close`, `MA(20)`, `MACD(12,26,9).DEA`, `80`. */
export function operandLabel(o: Operand): string {
  if (typeof o === "number") return String(o);
  if ("field" in o) return o.field;
  const params = o.params?.length ? `(${o.params.join(",")})` : "";
  return `${o.indicator}${params}${o.output ? `.${o.output}` : ""}`;
}

/** The JSON paths of a node's children as the API names them. */
export const childPath = (path: string, index: number) => `${path}.conditions[${index}]`;
export const notChildPath = (path: string) => `${path}.condition`;

/**
 * The field errors that belong to the node at `path`: a group's own ones (its path or its
 * `conditions` list), a leaf's and its operands' (paths under it).
 */
export function errorsAt(errors: readonly FieldError[], path: string, kind: ConditionKind): FieldError[] {
  const group = kind === "all" || kind === "any" || kind === "not";
  return errors.filter((e) =>
    group ? e.name === path || e.name === `${path}.conditions` : e.name === path || e.name.startsWith(`${path}.`),
  );
}

/** A deep copy detached from Vue's proxies (structuredClone refuses a reactive proxy). */
export function cloneCondition(c: Condition): Condition {
  return JSON.parse(JSON.stringify(c)) as Condition;
}
