import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, login, logout } from "../helpers";

test("every page asks for a sign-in, and a wrong password is refused in Chinese", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill("wrong-password1");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText("用户名或密码不正确。");
  await login(page, "admin");
  await expect(page.getByTestId("current-user")).toContainText("园区管理员");
  const cookie = (await page.context().cookies()).find((c) => c.name === "ppt_session")!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
  await logout(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("repeated failed logins are throttled", async ({ page }) => {
  await page.goto("/login");
  for (let i = 0; i < 4; i++) {
    await page.getByLabel("用户名").fill("xupu");
    await page.getByLabel("密码").fill(`bad-guess-${i}`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("main").getByRole("alert")).toHaveText("用户名或密码不正确。");
    await expect(page.getByLabel("密码")).toHaveValue(""); // the form was reset after the answer
  }
  await page.getByLabel("用户名").fill("xupu");
  await page.getByLabel("密码").fill("demo2024"); // even the right password, for a while
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText(/^登录失败次数过多，请\d+秒后再试。$/);
});

test("a made-up X-Forwarded-For does not escape the login delay", async ({ page }) => {
  await page.goto("/login");
  for (let i = 0; i < 4; i++) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${i + 1}`, "x-real-ip": `198.51.100.${i + 1}` });
    await page.getByLabel("用户名").fill("xinhuang");
    await page.getByLabel("密码").fill(`rotating-${i}`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("main").getByRole("alert")).toHaveText("用户名或密码不正确。");
    await expect(page.getByLabel("密码")).toHaveValue(""); // the form was reset after the answer
  }
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "192.0.2.77" });
  await page.getByLabel("用户名").fill("xinhuang");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText(/^登录失败次数过多，请\d+秒后再试。$/);
});
