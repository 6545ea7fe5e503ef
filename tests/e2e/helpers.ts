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
