import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./tools/chromium";
import { LEADER_STATE } from "./tests/e2e/helpers";

const port = Number(process.env.E2E_PORT || 3100);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? "list" : [["list"]],
  // Timeouts bound a hung test; they are not speed targets (those live in `npm run bench`). The suite
  // must pass on a busy machine: a page test that opens 21 pages, or a journey that publishes a
  // month, took several times its idle duration with two suites and builds running at once.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
  },
  // "pages" read the seed data as a leader; "journeys" change data, so they run after them.
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "pages",
      testDir: "tests/e2e/pages",
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 }, storageState: LEADER_STATE },
    },
    {
      name: "journeys",
      testDir: "tests/e2e/journeys",
      dependencies: ["pages"],
      // a journey is many pages long (see the note on timeouts above)
      timeout: 360_000,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } },
    },
  ],
  webServer: {
    // builds the production app if needed, then serves it on a throwaway database
    command: "tsx tests/e2e/server.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: { PORT: String(port) },
  },
});
