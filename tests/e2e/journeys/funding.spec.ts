// 资金到位 from start to end: the office enters a project's funding plan by source, a county enters
// a month's money in place by source — on a phone (390 px) and at a desk (1366 px) — the office
// approves and publishes, and the cockpit states 资金到位率 with its numerator and denominator.
// It publishes 2024-12, which other journeys start from unreported, so it runs on a server and a
// database of its own (tests/e2e/own-servers.ts, on E2E_PORT + 62).
import { expect, test, type Browser } from "@playwright/test";
import { login, publishMonth } from "../helpers";
import { startOwnServers, type OwnServers } from "../own-servers";

let own: OwnServers;

test.beforeAll(async () => {
  test.setTimeout(300_000); // build checked, migrations, seed, Next.js: a minute or two on a busy machine
  own = await startOwnServers([62]);
});

test.afterAll(async () => {
  await own?.stop();
});

async function as(browser: Browser, username: string, phone = false) {
  const baseURL = own.bases[0];
  const context = await browser.newContext(
    phone ? { baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { baseURL, viewport: { width: 1366, height: 900 } },
  );
  const page = await context.newPage();
  await login(page, username);
  return page;
}

test("the office plans a project's funding by source; counties enter a month's money in place at 390 and 1366 px; the cockpit shows 资金到位 once published", async ({
  browser,
}) => {
  const admin = await as(browser, "admin");
  await admin.goto("/admin/projects/YQ2024-001/edit");
  const plan = admin.getByRole("form", { name: "资金计划" });
  await plan.getByLabel("财政资金（万元）").fill("50000");
  await plan.getByLabel("银行贷款（万元）").fill("150000");
  await plan.getByLabel("企业自筹（万元）").fill("130000");
  await plan.getByRole("button", { name: "保存资金计划" }).click();
  await expect(plan.getByRole("status")).toHaveText("已保存资金计划（3个来源）。");

  // 会同县园区 on a phone: a bad amount is refused on its field, then the month goes in
  const county = await as(browser, "huitong", true);
  await county.goto("/monthly-report/YQ2024-001?month=2024-12");
  await county.getByLabel("本月完成投资（万元）").fill("5000");
  await county.getByLabel("形象进度", { exact: true }).fill("高纯铝深加工生产线主体厂房封顶");
  const funds = county.getByTestId("funds");
  await expect(funds).toContainText("计划 130,000万元"); // 企业自筹's plan beside its field
  await funds.getByLabel("财政资金（万元）").fill("30000");
  await funds.getByLabel("银行贷款（万元）").fill("-8");
  await funds.getByLabel("企业自筹（万元）").fill("20000");
  const overflow = await county.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await county.getByRole("button", { name: "提交审核" }).click();
  await expect(county.getByText("银行贷款累计到位不能为负数")).toBeVisible();
  await county.getByLabel("银行贷款（万元）").fill("80000");
  await county.getByRole("button", { name: "提交审核" }).click();
  await expect(county.getByRole("status")).toHaveText("2024年12月报表已提交（第1版），等待园区审核。");

  // 洞口县园区 at a desk: a project without a plan says so beside each source
  const dongkou = await as(browser, "dongkou");
  await dongkou.goto("/monthly-report/YQ2024-002?month=2024-12");
  await expect(dongkou.getByTestId("funds")).toContainText("未列计划");
  await dongkou.getByLabel("本月完成投资（万元）").fill("1000");
  await dongkou.getByLabel("形象进度", { exact: true }).fill("碳酸锂综合利用一期设备安装");
  await dongkou.getByLabel("地方政府专项债券（万元）").fill("150000");
  await dongkou.getByRole("button", { name: "提交审核" }).click();
  await expect(dongkou.getByRole("status")).toHaveText("2024年12月报表已提交（第1版），等待园区审核。");

  await publishMonth(admin, "2024-12");

  // leaders read it on the cockpit, with its numerator and denominator and the month it is as of
  for (const phone of [false, true]) {
    const leader = await as(browser, "leader", phone);
    await leader.goto("/");
    if (phone) await leader.getByRole("button", { name: "展开：资金到位" }).click();
    const section = leader.getByRole("region", { name: "资金到位" });
    await expect(section).toContainText("截至2024年12月");
    await expect(leader.getByTestId("funding-equation")).toHaveText(/^有资金计划的\d+个项目：到位资金[\d.]+(亿|万)元 ÷ 计划资金[\d.]+(亿|万)元 = \d+\.\d%$/);
    await expect(leader.getByTestId("funding-by-park")).toContainText("会同县园区");
    const overflow = await leader.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
});
