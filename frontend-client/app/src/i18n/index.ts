// A tiny i18n: one reactive locale, `t("market.last")` typed against the Chinese messages, and
// the matching Element Plus locale. Chinese first for A-share users; the choice is remembered.
import elEn from "element-plus/es/locale/lang/en";
import elZhCn from "element-plus/es/locale/lang/zh-cn";
import { computed, ref } from "vue";
import { en, zhCn, type Messages } from "./messages";

export const LOCALES = { "zh-cn": { label: "中文", messages: zhCn, element: elZhCn },
  en: { label: "English", messages: en, element: elEn } } as const;
export type Locale = keyof typeof LOCALES;

const STORAGE_KEY = "mystocks.locale";
const saved = localStorage.getItem(STORAGE_KEY);
export const locale = ref<Locale>(saved === "en" || saved === "zh-cn" ? saved : "zh-cn");

export function setLocale(value: Locale): void {
  locale.value = value;
  localStorage.setItem(STORAGE_KEY, value);
  document.documentElement.lang = value === "zh-cn" ? "zh-CN" : "en";
}

// "market.last" | "nav.market" | …: every leaf of the messages.
type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

export function t(key: MessageKey): string {
  let node: unknown = LOCALES[locale.value].messages;
  for (const part of key.split(".")) node = (node as Record<string, unknown>)[part];
  return typeof node === "string" ? node : key;
}

export const elementLocale = computed(() => LOCALES[locale.value].element);
