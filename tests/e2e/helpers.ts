import path from "node:path";
import { expect, type Page } from "@playwright/test";

// relative to the project root, where Playwright runs
export const LEADER_STATE = path.resolve("tests", "e2e", ".auth", "leader.json");
/** The demo accounts' password (src/server/seed/demo-accounts.ts). */
export const DEMO_PASSWORD = "demo2024";

/** Signs in on /login as `username` (a fresh context: no stored session). */
export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Signs in as `username` unless the context already holds a session (e.g. a stored login). */
export async function ensureSignedIn(page: Page, username: string) {
  await page.goto("/");
  if (new URL(page.url()).pathname === "/login") await login(page, username);
}

/**
 * Waits until the page shows what it streamed. A page arrives as its skeleton (loading.tsx) and
 * React swaps the content in, batching the swaps, sometimes after `load`: until then the content
 * sits in hidden segments, which role and label queries do not see — a `count()` right after
 * `goto` may read 0 for what is there.
 */
export async function revealed(page: Page) {
  await page.waitForFunction(() => !document.querySelector('template[id^="B:"], div[hidden][id^="S:"]'));
}

/**
 * Reports other journeys left awaiting review would block an import or publishing: approve them,
 * one at a time, with a 核实说明 where the report has 数据质量提示.
 */
export async function approveAllPending(admin: Page) {
  for (let i = 0; i < 10; i++) {
    await admin.goto("/review");
    await revealed(admin);
    const form = admin.getByRole("form", { name: /^审核 / }).first();
    if ((await form.count()) === 0) return;
    const note = form.getByLabel(/^核实说明/);
    const flagged = (await note.count()) > 0;
    if (flagged) await note.fill("已核实（演练）");
    await form.getByRole("button", { name: "审核通过" }).click();
    await expect(admin.getByRole("status").first()).toHaveText(flagged ? "已审核通过，核实说明已记录。" : "已审核通过。");
  }
}

/** The office publishes `month` ("2024-12") from its period page; what other journeys left returned or unreported is confirmed as 未报 by its count. */
export async function publishMonth(admin: Page, month: string) {
  await approveAllPending(admin);
  await admin.goto(`/periods/${month}`);
  await revealed(admin);
  const confirm = admin.getByTestId("publish-confirm");
  if (await confirm.count()) await confirm.check();
  await admin.getByRole("button", { name: `发布${Number(month.slice(0, 4))}年${Number(month.slice(5))}月调度` }).click();
  await expect(admin.getByTestId("period-status")).toContainText("已发布");
}
