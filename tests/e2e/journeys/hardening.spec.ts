// What an outside probe tries: redirects off the site, framing, cross-site actions, odd paths. Each
// answer is checked as the browser sees it. (Made-up client addresses against the login delay:
// login.spec.ts, with the other throttled sign-ins.) Nothing here delays an account others use, so
// it runs beside the other journeys (playwright.config.ts).
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, login } from "../helpers";
import { OFFSITE_NEXT } from "../../fixtures/redirect-battery";
import { MALFORMED_PATHS, RAW_LOGIN_ADDRESSES, UNKNOWN_PATHS, VALID_PATHS } from "../../fixtures/odd-paths";

const origin = (page: Page) => new URL(page.url()).origin;

/** One `next` value of each kind of trick in the battery, for the sign-in form. */
const FORM_SAMPLE: readonly string[] = [
  "//evil.example",
  "/\\evil.example",
  "/%5Cevil.example",
  "/\t/evil.example",
  "https://evil.example/login",
  "javascript:alert(1)",
  "/%00/evil.example",
];

async function signInWithNext(page: Page, next: string, baseURL: string | undefined) {
  await page.context().clearCookies();
  await page.goto("/login");
  await page.locator('input[name="next"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), next);
  await page.getByLabel("用户名").fill("leader");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user"), JSON.stringify(next)).toBeVisible();
  expect(origin(page), JSON.stringify(next)).toBe(baseURL);
}

test("no next= value sends a signed-in user off the site, from the login form or the login page", async ({ page, baseURL }) => {
  expect(OFFSITE_NEXT.length).toBeGreaterThanOrEqual(20);
  // through the login action, the form posting the value as it came: one of each kind of trick
  // (every value is refused by the same function, tests/unit/safe-redirect.test.ts, and through the
  // proxy, tests/integration/login-security.test.ts; each sign-in here costs a whole cockpit)
  expect(FORM_SAMPLE.filter((next) => !(OFFSITE_NEXT as readonly string[]).includes(next))).toEqual([]);
  for (const next of FORM_SAMPLE) await signInWithNext(page, next, baseURL);
  // through the login page, already signed in: every value
  for (const next of OFFSITE_NEXT) {
    const response = await page.request.get(`/login?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
    expect(response.status(), JSON.stringify(next)).toBe(307);
    const location = response.headers()["location"];
    expect(new URL(location, baseURL).origin, `${JSON.stringify(next)} → ${location}`).toBe(baseURL);
  }
  // the raw forms from the report, as typed into the address bar
  for (const raw of RAW_LOGIN_ADDRESSES) {
    await page.goto(raw);
    expect(origin(page), raw).toBe(baseURL);
  }
  // a same-site target is kept
  await page.goto("/login?next=%2Fprojects%3Fq%3D%25E5%258E%2582");
  await expect(page).toHaveURL(/\/projects\?q=/);
});

test("security headers on pages, actions and API routes; a framed page is refused", async ({ page, baseURL }) => {
  const expectHeaders = (headers: Record<string, string>, what: string) => {
    expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"], what).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], what).toBe("nosniff");
    expect(headers["referrer-policy"], what).toBe("same-origin");
  };
  const pageResponse = await page.goto("/login");
  expectHeaders(pageResponse!.headers(), "login page");
  expectHeaders((await page.request.get("/api/health")).headers(), "API route");
  expectHeaders((await page.request.get("/api/health/nothing")).headers(), "API 401");
  const actionResponse = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/login"));
  await page.getByLabel("用户名").fill("nobody");
  await page.getByLabel("密码").fill("wrong-password1");
  await page.getByRole("button", { name: "登录" }).click();
  expectHeaders((await actionResponse).headers(), "server action");
  // the page's scripts run under the policy (the form answered through JavaScript)
  await expect(page.locator("main").getByRole("alert")).toHaveText("用户名或密码不正确。");

  // framing: Chromium refuses to show the app inside another page
  await page.goto("about:blank");
  await page.setContent(`<iframe id="f" src="${baseURL}/login" width="600" height="400"></iframe>`);
  await page.waitForTimeout(1500);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const framedText = frame ? await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "") : "";
  expect(framedText).not.toContain("登录");

  // a server action posted from another site: 403, not 500
  const crossSite = await page.request.post("/login", {
    headers: { origin: "http://evil.example", "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect(crossSite.status()).toBe(403);
});

test("odd paths answer the not-found page with HTTP 404, valid ones still render", async ({ page }) => {
  await login(page, "admin");
  const missing = [...MALFORMED_PATHS, ...UNKNOWN_PATHS];
  for (const path of missing) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" }), path).toBeVisible();
  }
  // the valid pages are the heaviest the site has: their answer is what matters, not the drawing
  for (const path of VALID_PATHS) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
  }
});

test("the site has its icon: /favicon.ico and the SVG icon answer to anyone, and no first page logs a missing resource", async ({ page, baseURL }) => {
  const problems: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && problems.push(`console: ${m.text()}`)));
  page.on("response", (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
  // the first page of a visit, not signed in; then the landing page after signing in
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  await login(page, "huitong");
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);

  const ico = await page.request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO file
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  // signed out, as on the login page
  await page.context().clearCookies();
  const svg = await page.request.get(new URL(href!, baseURL).toString(), { maxRedirects: 0 });
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  expect((await page.request.get("/favicon.ico", { maxRedirects: 0 })).status()).toBe(200);
});
