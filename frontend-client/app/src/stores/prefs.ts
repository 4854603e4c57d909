// Display preferences, remembered in the browser: the up/down colour convention (A-share red up,
// green down by default; green up as in Western markets).
import { defineStore } from "pinia";
import { computed, ref, watch } from "vue";

export type UpColor = "red" | "green";
const RED = "#f5222d";
const GREEN = "#13a34a";

export const usePrefsStore = defineStore("prefs", () => {
  const upColor = ref<UpColor>(localStorage.getItem("mystocks.upColor") === "green" ? "green" : "red");
  watch(upColor, (value) => localStorage.setItem("mystocks.upColor", value));
  const colors = computed(() =>
    upColor.value === "red" ? { up: RED, down: GREEN } : { up: GREEN, down: RED },
  );
  return { upColor, colors };
});
