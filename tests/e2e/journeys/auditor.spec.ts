// The 审计员's journey (issue 15): an administrator creates an auditor account; the auditor signs
// in, lands on the audit log, finds what the administrator did to accounts, and cannot open the
// project pages (the 403 page) — on a desktop (1366 px) and on a phone (390 px).
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, login, logout } from "../helpers";

test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const username = `shenji${stamp}`;
const initial = "audit2024pass";
const password = "Shenji-own-2026";

test("an administrator creates an 审计员 account (not bound to a county park)", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "新建用户" });
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill("审计员甲");
  await form.getByLabel("角色").selectOption({ label: "审计员" });
  await form.getByLabel("县区园区（县区填报员必选）").selectOption({ label: "会同县园区" });
  await form.getByLabel("初始密码").fill(initial);
  await form.getByLabel("您的登录密码（确认身份）").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(form.getByText("审计员不绑定县区园区，请选择“无”")).toBeVisible();
  await form.getByLabel("县区园区（县区填报员必选）").selectOption({ label: "无" });
  await form.getByLabel("初始密码").fill(initial);
  await form.getByLabel("您的登录密码（确认身份）").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByRole("status")).toContainText(`已创建用户「${username}」`);
  await expect(page.getByTestId(`user-${username}`)).toContainText("审计员");
  await logout(page);
  // the auditor's first sign-in: its own password first (the page is under /account, open to it)
  await login(page, username, initial);
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.getByLabel("当前密码（管理员告知的初始密码）").fill(initial);
  await page.getByLabel("新密码", { exact: true }).fill(password);
  await page.getByLabel("再次输入新密码").fill(password);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await logout(page);
});

/** The auditor's visit at one width: lands on the log, reads the account actions, is refused the project pages. */
async function auditorVisit(page: Page, width: number, shot: (name: string) => string) {
  await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
  await login(page, username, password);
  // signing in lands on the audit log; / leads there too
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole("heading", { level: 1, name: "操作日志" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText("审计员");
  await expect(page.getByTestId("audit-retention")).toContainText("至少保存180天");
  // the menu offers only what the account may open
  const menu = page.getByRole("navigation", { name: "主导航" }).getByRole("link");
  await expect(menu).toHaveText(["操作日志"]);
  await expect(page.getByRole("link", { name: "← 返回管理" })).toHaveCount(0);

  // what administrators did to accounts, in their own view, filtered to account creation
  await page.getByRole("link", { name: "账号与日志管理" }).click();
  await expect(page).toHaveURL(/view=accounts/);
  // on a phone the filters fold behind one 筛选 button
  if (width < 768) await page.getByTestId("filter-toggle").click();
  await page.getByLabel(/^操作(?!人)/).selectOption({ label: "新建用户" });
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page).toHaveURL(/action=user\.create/);
  const entry = page.getByTestId("audit-row").filter({ hasText: username }).first();
  await expect(entry).toContainText("新建用户");
  await expect(entry).toContainText("操作人：园区管理员（演示）（admin）");
  await expect(entry.getByTestId("audit-diff")).toContainText(/角色\s*审计员/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: shot("audit"), fullPage: true });

  // the project data is not for this account: the 403 page, with HTTP 403, for pages and downloads
  for (const path of ["/overview", "/projects", "/projects/YQ2024-001", "/issues", "/periods/2024-11/schedule", "/projects/export", "/admin/users"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page, path).toHaveURL(/\/forbidden$/);
    await expect(page.getByRole("heading", { name: "无权访问" }), path).toBeVisible();
    await expect(page.locator("main"), path).not.toContainText("YQ2024");
  }
  await page.screenshot({ path: shot("forbidden"), fullPage: true });
  // 返回首页 leads back to the audit log; signing out works from the 403 page
  await page.getByRole("link", { name: "返回首页" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await page.goto("/overview");
  await logout(page);
}

test("the auditor lands on the audit log, sees the administrator's account entry, and cannot open the overview (1366 px)", async ({ page }, info) => {
  await auditorVisit(page, 1366, (name) => info.outputPath(`auditor-${name}-1366.png`));
});

test("the same on a phone (390 px)", async ({ page }, info) => {
  await auditorVisit(page, 390, (name) => info.outputPath(`auditor-${name}-390.png`));
});

test("administrators still read the audit log, with the new view", async ({ page }, info) => {
  await login(page, "admin");
  await page.goto("/admin/audit?view=accounts");
  await expect(page.getByRole("link", { name: "← 返回管理" })).toBeVisible();
  await expect(page.getByTestId("audit-row").filter({ hasText: username }).first()).toContainText("新建用户");
  await page.screenshot({ path: info.outputPath("admin-audit-1366.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin/users");
  await expect(page.getByTestId(`user-${username}`)).toContainText("审计员");
  await page.screenshot({ path: info.outputPath("admin-users-390.png") });
});
