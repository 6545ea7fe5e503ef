// Every rate reconciles on the page where it stands, read from the DOM as a leader with a calculator
// reads it: the office finds the missing plan figures in its to-do, fixes them one click away on the
// plan page, publishes the month; on the cockpit and a park page each displayed rate is recomputed
// from the numerator and denominator shown beside it, the all-projects total stands apart, a park
// without any plan figure says 无同口径计划, and the leader's first screen carries no office prompt.
// (The month is re-opened at the end, as the journeys after this one expect it open.)
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD, login, publishMonth } from "../helpers";

async function as(browser: Browser, username: string, phone = false) {
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
  const page = await context.newPage();
  await login(page, username);
  return page;
}

/** "18.6亿元" / "5000万元" → 万元 (exact enough for one decimal place of a percentage). */
function wan(text: string): number {
  const m = /^([0-9][0-9,]*(?:\.[0-9]+)?)(亿元|万元)$/.exec(text);
  if (!m) throw new Error(`not an amount: ${text}`);
  return Number(m[1].replace(/,/g, "")) * (m[2] === "亿元" ? 10000 : 1);
}
const percent = (part: number, whole: number) => ((part / whole) * 100).toFixed(1);
const AMOUNT = "([0-9][0-9.,]*(?:亿元|万元))";

/** "…本年完成A ÷ 年度计划B = R%" in `text`: checks A ÷ B = R and returns R. */
function equation(text: string): string {
  const m = new RegExp(`本年完成${AMOUNT} ÷ 年度计划${AMOUNT} = ([0-9.]+)%`).exec(text);
  if (!m) throw new Error(`no equation in: ${text}`);
  expect(percent(wan(m[1]), wan(m[2])), text).toBe(m[3]);
  return m[3];
}

/** Each row of a park ranking table: the rate cell recomputed from the two columns beside it. */
async function checkRanking(table: Locator): Promise<{ rated: number; noPlan: string[] }> {
  const rows = await table.locator("tbody tr").all();
  let rated = 0;
  const noPlan: string[] = [];
  for (const row of rows) {
    const name = (await row.locator("th").innerText()).trim();
    const count = (await row.locator('[data-col="planned-count"]').innerText()).trim();
    const rate = (await row.locator('[data-col="rate"]').innerText()).trim().split("\n")[0];
    if (count === "0") {
      expect(rate, name).toBe("无同口径计划");
      noPlan.push(name);
      continue;
    }
    const ofPlanned = Number((await row.locator('[data-col="planned-year"]').innerText()).replace(/,/g, ""));
    const planned = Number((await row.locator('[data-col="planned"]').innerText()).replace(/,/g, ""));
    expect(rate, name).toBe(percent(ofPlanned, planned));
    // the all-projects 本年完成 stands in its own column, never below the like-for-like one
    expect(Number((await row.locator('[data-col="all-year"]').innerText()).replace(/,/g, ""))).toBeGreaterThanOrEqual(ofPlanned);
    rated++;
  }
  return { rated, noPlan };
}

async function noOfficePrompt(page: Page) {
  const main = page.locator("main");
  await expect(main).not.toContainText("请核实");
  await expect(main).not.toContainText("⚠");
  await expect(main).not.toContainText(/尚缺[0-9]+个/);
}

test("the office fixes the missing plan figures from its to-do and publishes; every rate on the cockpit and a park page recomputes from the numbers beside it", async ({
  browser,
}) => {
  const admin = await as(browser, "admin");
  // the office's to-do: the prompt, and the fix one click away
  await admin.goto("/todo");
  const missing = admin.getByTestId("plan-check-annual-missing");
  await expect(missing).toContainText(/清单上[0-9]+个项目未填年度计划投资/);
  await expect(admin.getByTestId("plan-check-count")).toContainText("尚缺46个");
  await missing.getByRole("link", { name: "填写年度计划投资" }).click();
  await expect(admin).toHaveURL(/\/admin\/plans\/2024#annual_YQ2024-001$/);
  await expect(admin.getByTestId("plan-checks")).toBeVisible();
  await admin.locator("#annual_YQ2024-001").fill("200000");
  await admin.locator("#annual_YQ2024-002").fill("250000");
  await admin.getByRole("button", { name: "保存清单" }).click();
  // the prompt on the plan page follows at once
  await expect(admin.getByTestId("plan-checks").getByTestId("plan-check-annual-missing")).toContainText("清单上2个项目未填年度计划投资");
  await admin.goto("/todo");
  await expect(admin.getByTestId("plan-check-annual-missing")).toContainText("清单上2个项目未填年度计划投资，年度投资完成率只按其余2个项目计算。");

  // publish the month with the plan figures
  await publishMonth(admin, "2024-12");

  // the cockpit, as a leader reads it
  const leader = await as(browser, "leader");
  await leader.goto("/");
  await expect(leader.getByTestId("freshness")).toContainText("数据截至2024年12月（已发布");
  const rate = (await leader.getByTestId("annual-rate").innerText()).trim();
  const scope = (await leader.getByTestId("annual-scope").innerText()).trim();
  expect(scope).toMatch(/^有年度计划的2个项目：本年完成/);
  expect(`${equation(scope)}%`).toBe(rate);
  await expect(leader.getByTestId("scope-line")).toHaveText(
    /^口径：计划申报50个项目、年度计划投资33\.6亿元；平台已录入4个项目，其中2个列有年度计划投资，年度投资完成率按这2个项目同口径计算。$/,
  );
  // the all-projects total apart, with its own label
  await expect(leader.getByText("全部4个项目本年累计完成投资（含无年度计划的项目）")).toBeVisible();
  const total = /开工至今累计(.+) ÷ 总投资(.+) = ([0-9.]+)%/.exec(await leader.getByTestId("total-rate").innerText())!;
  expect(percent(wan(total[1]), wan(total[2]))).toBe(total[3]);
  const ranking = await checkRanking(leader.getByTestId("by-park-table"));
  expect(ranking.rated).toBe(2);
  expect(ranking.noPlan.sort()).toEqual(["新晃县园区", "溆浦县园区"]);
  for (const eq of await leader.getByTestId("by-industry-table").locator('[data-col="equation"]').allInnerTexts()) {
    if (eq.includes("÷ 年度计划")) equation(eq);
  }
  await noOfficePrompt(leader);

  // 构成: the headline rate opens the projects it runs over, whose amounts add up to its numerator
  // and denominator; a project's row opens the source of its figure
  await leader.getByTestId("annual-rate").getByRole("link").click();
  await expect(leader).toHaveURL(/\/figures\/explain\?figure=annual-rate&month=2024-12&publication=[0-9]+$/);
  await expect(leader.getByTestId("explain-publication")).toContainText("数据截至2024年12月（已发布");
  await expect(leader.getByTestId("scope-statement")).toHaveText(scope);
  await expect(leader.getByTestId("scope-count")).toHaveText("共2个");
  const [, numerator, denominator] = new RegExp(`本年完成${AMOUNT} ÷ 年度计划${AMOUNT}`).exec(scope)!;
  const column = async (col: string) =>
    (await leader.getByTestId("scope-table").locator(`[data-col="${col}"]`).allInnerTexts()).reduce((acc, x) => acc + Math.round(Number(x.replace(/,/g, "")) * 100), 0);
  expect(await column("yearInvestment")).toBe(Math.round(wan(numerator) * 100));
  expect(await column("annualPlanned")).toBe(Math.round(wan(denominator) * 100));
  await leader.getByTestId("scope-table").getByRole("link", { name: "来源" }).first().click();
  await expect(leader.getByRole("heading", { level: 1 })).toContainText("数据来源");
  await expect(leader.getByTestId("source-line")).toHaveText(/^(2024年12月月报第[0-9]+版（已审核）|未报，沿用2024年[0-9]+月的已审核数（2024年[0-9]+月月报第[0-9]+版）)$/);
  await expect(leader.getByTestId("source-revision")).toHaveText(/^第[0-9]+版$/);
  await expect(leader.getByTestId("source-approved")).toHaveText(/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/);
  await leader.goBack();
  await leader.goBack();

  // a park page: its rate with its numerator and denominator, its 开累完成率 likewise
  await leader.getByTestId("by-park-table").getByRole("link", { name: "会同县园区" }).click();
  await expect(leader.getByRole("heading", { level: 1 })).toHaveText("会同县园区");
  const parkScope = (await leader.getByTestId("park-annual-scope").innerText()).trim();
  expect(`${equation(parkScope)}%`).toBe((await leader.getByTestId("park-annual-rate").innerText()).trim());
  const parkTotal = /开工至今累计(.+) ÷ 总投资(.+) = ([0-9.]+)%/.exec(await leader.getByTestId("park-rate-equation").innerText())!;
  expect(`${percent(wan(parkTotal[1]), wan(parkTotal[2]))}%`).toBe((await leader.getByTestId("park-rate").innerText()).trim());
  // 构成 of a park total: the park's projects, their 总投资 adding up to it; then a project figure to its source
  const parkCount = (await leader.getByTestId("park-count").getByRole("link").innerText()).trim();
  const parkSum = wan((await leader.getByTestId("park-total").innerText()).trim());
  await leader.getByTestId("park-total").getByRole("link").click();
  await expect(leader).toHaveURL(/\/figures\/explain\?figure=total&park=[0-9]+&month=2024-12&publication=[0-9]+$/);
  await expect(leader.getByRole("heading", { level: 1 })).toHaveText("总投资的构成：会同县园区");
  await expect(leader.getByTestId("scope-count")).toHaveText(`共${parkCount}`);
  expect(await column("totalInvestment")).toBe(Math.round(parkSum * 100));
  await leader.getByTestId("scope-table").locator("tbody tr").first().getByRole("link").first().click();
  await expect(leader).toHaveURL(/\/projects\/YQ2024-/);
  await leader.getByTestId("fact-completed-source").click();
  await expect(leader.getByRole("heading", { level: 1 })).toContainText("：数据来源");
  await expect(leader.getByTestId("source-revision")).toHaveText(/^第[0-9]+版$/);
  await expect(leader.getByTestId("source-approved")).toHaveText(/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/);
  // a park whose projects have no plan figure: no rate, said so
  await leader.goto("/parks");
  await checkRanking(leader.getByTestId("parks-table"));
  await leader.getByTestId("ranking-溆浦县园区").getByRole("link", { name: "溆浦县园区" }).click();
  await expect(leader.getByTestId("park-annual-rate")).toHaveText("无同口径计划");
  await expect(leader.getByTestId("park-annual-scope")).toHaveText(/^无同口径计划（[0-9]+个项目均未列年度计划投资）$/);

  // on a phone: the scope reads on the screen, the ranking's rate carries its equation, nothing overflows
  const phone = await as(browser, "leader", true);
  await phone.goto("/");
  await expect(phone.getByTestId("scope-line")).toBeVisible();
  await expect(phone.getByTestId("annual-scope")).toBeVisible();
  // the ranking folds below the headline on a phone, one tap away
  await phone.getByTestId("fold-breakdowns").click();
  const phoneEquations = phone.getByTestId("by-park-table").locator('[data-col="equation"]');
  await expect(phoneEquations.first()).toBeVisible();
  const texts = await phoneEquations.allInnerTexts();
  // the two rated parks show their rate's numerator and denominator, the two without a plan scope their year's amount
  expect(texts.filter((eq) => eq.includes("÷"))).toHaveLength(2);
  for (const eq of texts) if (eq.includes("÷")) equation(eq);
  expect(texts.filter((eq) => /^全部\d+个项目本年完成/.test(eq))).toHaveLength(2);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  // leave the month open for the journeys after this one
  await admin.goto("/periods/2024-12");
  await admin.getByLabel("重新开放原因（必填，记入操作日志和下次发布）").fill("补录年度计划投资后核对");
  await admin.getByLabel("您的登录密码（确认身份）").fill(DEMO_PASSWORD);
  await admin.getByRole("button", { name: "重新开放" }).click();
  await expect(admin.getByTestId("period-status")).toContainText("填报中");
});
