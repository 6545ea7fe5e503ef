import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname, "src"),
      // data modules are marked server-only for Next.js; in tests they run on the server anyway
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    // Timeouts bound a hung test, never its speed (speed targets live in `npm run bench`): on a
    // loaded two-core machine the migrations test and the embedded database's password test took
    // 60–70 s, and the authorization matrix three minutes. No test sets a shorter one of its own.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // each integration file starts its own database; two cores here
    maxWorkers: 2,
    globalSetup: ["tests/helpers/global-setup.ts"],
    // every audit entry a test writes must have Chinese labels for all it records
    setupFiles: ["tests/helpers/audit-label-guard.ts"],
  },
});
