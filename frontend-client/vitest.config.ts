// The client package's unit tests only (the app's browser tests are Playwright's, in app/e2e).
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { include: ["test/**/*.test.ts"] } });
