// The app server killed outright (kill -9) in the middle of a county's work: npm start starts it
// again by itself (runtime/supervise.ts), the next page loads, the county is still signed in, and
// what it saved is there — nothing lost, nothing half-written. How fast it comes back is measured,
// not tested (`npm run bench:rush`: 4.4 s on two cores): on a busy machine a restart takes longer.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { login } from "../helpers";
import { startOwnServers, type OwnServers } from "../own-servers";

// its own server (E2E_PORT + 63): the suite's server serves the journeys that run beside this one
let own: OwnServers;
let port = 0;

test.beforeAll(async () => {
  test.setTimeout(300_000); // build checked, migrations, seed, Next.js: a minute or two on a busy machine
  own = await startOwnServers([63]);
  port = Number(new URL(own.bases[0]).port);
});

test.afterAll(async () => {
  await own?.stop();
});

/** The app server's process (runtime/serve.mjs serving this port), read from /proc. */
function serverPid(): number | null {
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (!fs.readFileSync(`/proc/${d}/cmdline`, "utf8").includes("runtime/serve.mjs")) continue;
      if (fs.readFileSync(`/proc/${d}/environ`, "utf8").split("\0").includes(`PORT=${port}`)) return Number(d);
    } catch {
      // a process that ended meanwhile
    }
  }
  return null;
}

test("the server killed with kill -9 comes back by itself: signed in, saved work intact", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: own.bases[0], viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await login(page, "xupu");
  await page.goto("/monthly-report/YQ2024-003?month=2024-12");
  await page.getByLabel("本月完成投资（万元）").fill("1200");
  await page.getByLabel("形象进度", { exact: true }).fill("车间主体结构施工，完成60%");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status")).toContainText("已保存草稿");
  await page.goto("/monthly-report/YQ2024-003?month=2024-12");
  const cumulative = await page.getByLabel("累计完成固定资产投资（万元）").inputValue();
  expect(cumulative).not.toBe("");

  // a page is being read when the server dies
  const pid = serverPid();
  expect(pid).not.toBeNull();
  const loading = page.goto("/projects/YQ2024-003").catch(() => null);
  const killedAt = Date.now();
  process.kill(pid!, "SIGKILL");
  await loading;
  await expect.poll(serverPid, { timeout: 60_000 }).not.toBe(pid);

  // the next page loads, still signed in (within a minute even on a busy machine)
  await expect(async () => {
    const response = await page.goto("/monthly-report/YQ2024-003?month=2024-12", { timeout: 15_000 });
    expect(response?.status()).toBe(200);
  }).toPass({ timeout: 60_000, intervals: [250, 500, 1000] });
  expect(Date.now() - killedAt).toBeLessThan(60_000);
  await expect(page).toHaveURL(/\/monthly-report\/YQ2024-003/);
  await expect(page.getByTestId("current-user")).toBeVisible();

  // the draft is as it was saved, and the county goes on working
  await expect(page.getByLabel("本月完成投资（万元）")).toHaveValue("1200");
  await expect(page.getByLabel("形象进度", { exact: true })).toHaveValue("车间主体结构施工，完成60%");
  await expect(page.getByLabel("累计完成固定资产投资（万元）")).toHaveValue(cumulative);
  await page.getByLabel("形象进度", { exact: true }).fill("车间主体结构施工，完成65%");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status")).toContainText("已保存草稿");
  await context.close();
});
