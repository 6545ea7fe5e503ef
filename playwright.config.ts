import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./tools/chromium";
import { LEADER_STATE } from "./tests/e2e/helpers";

const port = Number(process.env.E2E_PORT || 3100);
/** Journeys on app servers and a database of their own (tests/e2e/own-servers.ts, outage.spec.ts's). */
const OWN_SERVERS = /journeys\/(two-servers|funding|outage|crash)\.spec\.ts$/;
/** Journeys on the suite's server that change nothing the others read nor delay an account they use. */
const BESIDE = /journeys\/(accessibility|hardening|plain-chinese)\.spec\.ts$/;
/** Last, with nothing else running: eight 200 MB requests at once, the server's memory measured. */
const ALONE = /journeys\/oversized\.spec\.ts$/;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // two at once (see projects): the pages' files side by side, then the journeys that must run one
  // after another beside those that need not
  workers: 2,
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
  // "pages" read the seed data as a leader, two files at once; "journeys" change data, so they run
  // after them, one at a time in file order (each starts from what the ones before left). Beside
  // them, on the second worker: the journeys that read only and delay no one's sign-in ("beside"),
  // and those on servers and a database of their own ("own-servers"). Then "alone", by itself: the
  // server's memory under eight 200 MB requests at once, measured with nothing else running.
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
      testIgnore: [OWN_SERVERS, BESIDE, ALONE],
      dependencies: ["pages"],
      workers: 1,
      // a journey is many pages long (see the note on timeouts above)
      timeout: 360_000,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } },
    },
    {
      name: "beside",
      testDir: "tests/e2e/journeys",
      testMatch: BESIDE,
      dependencies: ["pages"],
      workers: 1,
      timeout: 360_000,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } },
    },
    {
      name: "own-servers",
      testDir: "tests/e2e/journeys",
      testMatch: OWN_SERVERS,
      dependencies: ["pages"],
      workers: 1,
      timeout: 360_000,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } },
    },
    {
      name: "alone",
      testDir: "tests/e2e/journeys",
      testMatch: ALONE,
      dependencies: ["journeys", "beside", "own-servers"],
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
