// Two app servers on one database, as behind nginx (deploy/nginx/park-projects.conf, docs/operations.md
// "Several app servers behind nginx"): the app behaves the same whichever server answers. Both are
// started by `npm start` (runtime/start.ts) on E2E_PORT + 60 and + 61 against one throwaway database
// (tests/e2e/own-servers.ts). Then: a session made on A works on B; failed sign-ins count across
// both; an Excel import previewed on A is applied on B, and only once when A and B are asked at the
// same moment; a photo saved on A is served by B; a month published on A is published on B at once;
// the menu's counts agree.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { cameraJpeg } from "../../helpers/images";
import { DEMO_PASSWORD, revealed } from "../helpers";
import { startOwnServers, type OwnServers } from "../own-servers";

test.describe.configure({ mode: "serial", timeout: 300_000 });

let own: OwnServers;
let A = "";
let B = "";

test.beforeAll(async () => {
  // two servers (build checked, migrations, seed, Next.js) take a minute or two on a busy machine
  own = await startOwnServers([60, 61]);
  [A, B] = own.bases;
  if (process.env.DATABASE_URL) {
    // one of them seeded the empty database, the other waited for it (runtime/startup-lock.ts)
    expect(own.logs.filter((l) => l.includes("空数据库，已导入种子数据"))).toHaveLength(1);
  }
});

test.afterAll(async () => {
  await own?.stop();
});

async function signIn(page: Page, base: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${base}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

async function as(browser: Browser, base: string, username: string) {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signIn(page, base, username);
  await expect(page.getByTestId("current-user")).toBeVisible();
  return page;
}

const todoCount = async (page: Page, base: string) => {
  await page.goto(`${base}/todo`);
  return (await page.getByTestId("todo-count").textContent())?.trim();
};

test("a session made on one server works on the other, and signing out on it ends it on both", async ({ browser }) => {
  const page = await as(browser, A, "leader");
  await page.goto(`${B}/projects`);
  await expect(page.getByTestId("current-user")).toBeVisible();
  await expect(page.getByTestId("projects-table").locator("tbody tr")).toHaveCount(4);
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`${A}/projects`);
  await expect(page).toHaveURL(/\/login/);
});

test("failed sign-ins count across both servers", async ({ page }) => {
  // four failures of one (user name, address), two on A and two on B: the throttle's free
  // failures are four, so the next attempt waits, on either server — counted per server, A would
  // have seen two and let the right password in
  for (const base of [A, B, A, B]) {
    await signIn(page, base, "dongkou", "不是这个密码");
    await expect(page.getByText("用户名或密码不正确。")).toBeVisible();
  }
  await signIn(page, A, "dongkou");
  await expect(page.getByText(/登录失败次数过多，请.+后再试/)).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveCount(0);
});

test("an Excel import previewed on one server is applied on the other, once, when both are asked at the same moment", async ({ browser }) => {
  const county = await as(browser, A, "huitong");
  const admin = await as(browser, B, "admin");
  const todoBefore = await todoCount(admin, A);
  expect(await todoCount(admin, B)).toBe(todoBefore);

  await county.goto(`${A}/imports?month=2024-12`);
  const [dl] = await Promise.all([county.waitForEvent("download"), county.getByTestId("template-link").click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "xlsx-")), "import.xlsx");
  await dl.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  let col = 0;
  ws.getRow(3).eachCell((c, n) => {
    if (String(c.value).startsWith("本月完成投资")) col = n;
  });
  expect(ws.getRow(4).getCell(2).value).toBe("YQ2024-001");
  ws.getRow(4).getCell(col).value = 4500;
  await wb.xlsx.writeFile(file);
  await county.getByLabel("填好的调度表（.xlsx，不超过 5 MB）").setInputFiles(file);
  await county.getByRole("button", { name: "上传并预览" }).click();
  await expect(county).toHaveURL(/\/imports\/[0-9]+$/);
  const batchPath = new URL(county.url()).pathname;

  await county.goto(`${A}/monthly-report/YQ2024-001?month=2024-12`);
  const revisionsBefore = await county.getByTestId("revisions").locator(":scope > li").count();

  // the same preview open on A and on B; 确认导入 pressed on both at once
  const onA = county;
  const onB = await county.context().newPage();
  await onA.goto(`${A}${batchPath}`);
  await onB.goto(`${B}${batchPath}`);
  await expect(onB.getByTestId("preview-row")).toContainText("154,500");
  await Promise.all([onA.getByRole("button", { name: /确认导入/ }).click(), onB.getByRole("button", { name: /确认导入/ }).click()]);
  const answers = await Promise.all(
    [onA, onB].map(async (p) => {
      const done = p.getByRole("status").filter({ hasText: "已导入：2024年12月1个项目的月报已提交，等待园区审核。" });
      const refused = p.getByText("这次导入已经完成，不能重复导入。");
      await expect(done.or(refused).first()).toBeVisible();
      return (await done.count()) > 0 ? "applied" : "refused";
    }),
  );
  expect(answers.sort()).toEqual(["applied", "refused"]);

  // one revision more, seen from B; the office's menu count is the same on both servers
  await onB.goto(`${B}/monthly-report/YQ2024-001?month=2024-12`);
  await expect(onB.getByTestId("revisions").locator(":scope > li")).toHaveCount(revisionsBefore + 1);
  const todoAfter = await todoCount(admin, B);
  expect(Number(todoAfter)).toBe(Number(todoBefore) + 1);
  expect(await todoCount(admin, A)).toBe(todoAfter);
});

test("a photo saved on one server is served by the other", async ({ browser }) => {
  const county = await as(browser, A, "xupu");
  await county.goto(`${A}/monthly-report/YQ2024-003?month=2024-12`);
  await county.getByLabel("本月完成投资（万元）").fill("1200");
  await county.getByLabel("形象进度", { exact: true }).fill("车间主体结构施工，完成60%");
  await county.getByLabel("添加照片").setInputFiles({ name: "现场照片.jpg", mimeType: "image/jpeg", buffer: await cameraJpeg() });
  await county.getByRole("button", { name: "保存草稿" }).click();
  await expect(county.getByRole("status")).toContainText("已保存草稿");
  await county.goto(`${A}/monthly-report/YQ2024-003?month=2024-12`);
  const href = await county.getByTestId("kept-photos").locator("a").first().getAttribute("href");
  expect(href).toMatch(/^\/photos\/[0-9]+$/);
  const fromA = await county.request.get(`${A}${href}`);
  const fromB = await county.request.get(`${B}${href}`);
  expect(fromB.status()).toBe(200);
  expect(fromB.headers()["content-type"]).toBe("image/jpeg");
  expect((await fromB.body()).equals(await fromA.body())).toBe(true);
  // and the page on B shows it
  await county.goto(`${B}/monthly-report/YQ2024-003?month=2024-12`);
  await expect(county.getByTestId("kept-photos").locator("img")).toHaveCount(1);
  await expect
    .poll(() =>
      county
        .getByTestId("kept-photos")
        .locator("img")
        .first()
        .evaluate((i: HTMLImageElement) => i.naturalWidth),
    )
    .toBeGreaterThan(0);
});

test("a month published on one server is what the other shows at once, and the menus agree", async ({ browser }) => {
  const admin = await as(browser, A, "admin");
  const leader = await as(browser, B, "leader");
  await leader.goto(`${B}/periods/2024-12`);
  await expect(leader.getByTestId("period-status")).not.toContainText("已发布");

  // the import's report approved on A, the month published on A
  await admin.goto(`${A}/review`);
  await revealed(admin);
  const item = admin.getByTestId("review-YQ2024-001-2024-12");
  const note = item.getByLabel(/^核实说明/);
  const flagged = (await note.count()) > 0;
  if (flagged) await note.fill("已电话核实（两台服务器演练）");
  await item.getByRole("button", { name: "审核通过" }).click();
  await expect(item.getByRole("status")).toHaveText(flagged ? "已审核通过，核实说明已记录。" : "已审核通过。");
  expect(await todoCount(admin, B)).toBe(await todoCount(admin, A));
  await admin.goto(`${A}/periods/2024-12`);
  await revealed(admin);
  const confirm = admin.getByTestId("publish-confirm");
  if (await confirm.count()) await confirm.check();
  await admin.getByRole("button", { name: "发布2024年12月调度" }).click();
  await expect(admin.getByTestId("period-status")).toContainText("已发布");

  // on B, at once: the period, and the project's published figure read from the publication
  await leader.goto(`${B}/periods/2024-12`);
  await expect(leader.getByTestId("period-status")).toContainText("已发布");
  const published = async (base: string) => {
    await leader.goto(`${base}/projects/YQ2024-001`);
    await revealed(leader);
    const main = (await leader.locator("main").textContent()) ?? "";
    return { stamp: /数据截至[^）]*）/.exec(main)?.[0], cumulative: /开累完成率）([^）]*）)/.exec(main)?.[1] };
  };
  const onA = await published(A);
  expect(onA).toEqual({ stamp: expect.stringMatching(/^数据截至2024年12月（已发布，.*发布）$/), cumulative: "15.45亿元（46.8%）" });
  expect(await published(B)).toEqual(onA);
  expect(await todoCount(admin, B)).toBe(await todoCount(admin, A));
});
