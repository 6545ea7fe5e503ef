import { expect, test, type Browser } from "@playwright/test";
import { DEMO_PASSWORD, login } from "../helpers";

async function as(browser: Browser, username: string, phone = false) {
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
  const page = await context.newPage();
  await login(page, username);
  return page;
}

test("county reports a month on a phone, is returned, corrects it, is approved; leaders see it only once the office publishes the month", async ({ browser }) => {
  const leader = await as(browser, "leader");
  await leader.goto("/");
  await expect(leader.getByTestId("annual-completed")).toHaveText("42.3亿元");
  await expect(leader.getByTestId("freshness")).toContainText("数据截至2024年11月（已发布");

  // county staff of 会同县园区, on a phone
  const county = await as(browser, "huitong", true);
  await county.getByRole("link", { name: "月度填报" }).click();
  await expect(county.getByRole("heading", { level: 1 })).toHaveText("月度填报 · 2024年12月");
  const list = county.getByTestId("report-list");
  await expect(list.locator("li")).toHaveCount(1); // only its own county's project
  await expect(list).toContainText("中伟新材料项目");
  await list.getByRole("link", { name: "填报" }).click();
  await county.getByLabel("本月完成投资（万元）").fill("5000");
  // worked out as it is typed: November's approved 150,000 + this month
  await expect(county.getByLabel("累计完成固定资产投资（万元）")).toHaveValue("155000");
  await county.getByLabel("形象进度", { exact: true }).fill("高纯铝深加工生产线主体厂房封顶");
  const overflow = await county.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await county.getByRole("button", { name: "提交审核" }).click();
  await expect(county.getByRole("status")).toHaveText("2024年12月报表已提交（第1版），等待园区审核。");

  // the park official returns it with a reason
  const admin = await as(browser, "admin");
  await admin.getByRole("link", { name: "审核" }).click();
  const item = admin.getByTestId("review-YQ2024-001-2024-12");
  await expect(item.getByRole("row", { name: /本次报送/ })).toContainText("155,000");
  await item.getByRole("button", { name: "退回" }).click();
  await expect(item.getByRole("alert")).toHaveText("退回时请填写退回原因");
  await item.getByLabel("退回原因（退回时必填）").fill("本月投资额与财务月报不一致，请核实");
  await item.getByRole("button", { name: "退回" }).click();
  await expect(item.getByRole("status")).toContainText("已退回县区，退回原因：");

  // the county sees why, corrects and resubmits
  await county.goto("/monthly-report?month=2024-12");
  await expect(county.getByTestId("report-list")).toContainText("退回原因：本月投资额与财务月报不一致，请核实");
  await county.getByTestId("report-list").getByRole("link", { name: "查看/修改" }).click();
  await expect(county.getByTestId("return-reason")).toContainText("本月投资额与财务月报不一致");
  await county.getByLabel("本月完成投资（万元）").fill("4000");
  await county.getByLabel("累计完成固定资产投资（万元）").fill("154000");
  await county.getByRole("button", { name: "提交审核" }).click();
  await expect(county.getByRole("status")).toHaveText("2024年12月报表已提交（第2版），等待园区审核。");

  // while it waits, the period page cannot publish and says why, with the way to the reports waiting
  await admin.goto("/periods/2024-12");
  const publish = admin.getByTestId("publish-block");
  await expect(publish).toContainText(/还有[1-9][0-9]*份报表等待审核，审核后才能发布。/);
  await expect(publish.getByRole("button", { name: "发布2024年12月调度" })).toBeDisabled();
  await publish.getByRole("link", { name: "去审核" }).click();
  await expect(admin).toHaveURL(/\/review\?month=2024-12$/);
  await expect(item.getByRole("row", { name: /本次报送/ })).toContainText("154,000");

  // the official approves the corrected version
  await admin.goto("/review");
  await expect(item.getByRole("row", { name: /本次报送/ })).toContainText("154,000");
  await item.getByRole("button", { name: "审核通过" }).click();
  await expect(item.getByRole("status")).toHaveText("已审核通过。");

  // both versions are kept
  await county.goto("/monthly-report/YQ2024-001?month=2024-12");
  await expect(county.getByTestId("revisions").locator("li")).toHaveCount(2);

  // an approved report alone changes nothing leaders read: November is still the published month
  await leader.reload();
  await expect(leader.getByTestId("annual-completed")).toHaveText("42.3亿元");
  await expect(leader.getByTestId("freshness")).toContainText("数据截至2024年11月");

  // 洞口's 金石 is submitted and returned: at publication it is left behind as 退回
  const dongkou = await as(browser, "dongkou", true);
  await dongkou.goto("/monthly-report/YQ2024-002?month=2024-12");
  await dongkou.getByLabel("本月完成投资（万元）").fill("1000");
  // 上期（2024年11月）累计 170,000万元 + 本月 1,000万元
  await expect(dongkou.getByLabel("累计完成固定资产投资（万元）")).toHaveValue("171000");
  await dongkou.getByLabel("形象进度", { exact: true }).fill("设备安装调试");
  await dongkou.getByRole("button", { name: "提交审核" }).click();
  await expect(dongkou.getByRole("status")).toContainText("已提交");
  await admin.goto("/review");
  const jinshi = admin.getByTestId("review-YQ2024-002-2024-12");
  await jinshi.getByLabel("退回原因（退回时必填）").fill("本月投资与监理月报不一致，请核实");
  await jinshi.getByRole("button", { name: "退回" }).click();
  await expect(jinshi.getByRole("status")).toContainText("已退回县区，退回原因：");

  // the office publishes December: the publish block names what is left behind, by group, and
  // publishing asks for a confirmation naming the counts (中伟 15.4亿元 approved; 金石 returned and
  // the two not reported are carried forward as 未报)
  await admin.goto("/periods/2024-12");
  await expect(admin.getByTestId("progress-table")).toContainText("会同县园区");
  const block = admin.getByTestId("publish-block");
  await expect(block.getByTestId("left-returned")).toContainText("金石资源再生利用及高端制造项目");
  await expect(block.getByTestId("left-returned")).toContainText("YQ2024-002 · 洞口县园区");
  await expect(block.getByTestId("left-returned")).toContainText("退回原因：本月投资与监理月报不一致，请核实");
  // 锐业 and 华润 have submitted nothing: not reported, or a draft (the crash journey saves one for 锐业)
  const count = async (group: string) => ((await block.getByTestId(`left-${group}-count`).count()) ? Number(await block.getByTestId(`left-${group}-count`).textContent()) : 0);
  const [drafts, missing] = [await count("draft"), await count("missing")];
  expect(drafts + missing).toBe(2);
  await expect(block.getByTestId("left-missing").or(block.getByTestId("left-draft")).filter({ hasText: "YQ2024-004" })).toHaveCount(1);
  await admin.getByRole("button", { name: "发布2024年12月调度" }).click();
  await expect(block.getByRole("alert")).toHaveText(`将按未报处理：退回1个、草稿${drafts}个、未报${missing}个项目。请勾选确认后再发布。`);
  await expect(admin.getByTestId("period-status")).toContainText("填报中");
  await block.getByLabel(/我已核对上面的名单/).check();
  await admin.getByRole("button", { name: "发布2024年12月调度" }).click();
  await expect(admin.getByTestId("period-status")).toContainText("已发布");
  await expect(admin.getByTestId("publication-1")).toContainText("4个项目，本年完成投资 42.7亿元");

  // 42.3 − 15 + 15.4 亿元
  await leader.reload();
  await expect(leader.getByTestId("annual-completed")).toHaveText("42.7亿元");
  await expect(leader.getByTestId("freshness")).toContainText("数据截至2024年12月（已发布");
  await expect(leader.getByTestId("freshness")).toContainText("3个项目本月未报");

  // a published month says so before anyone types, and shows nothing to type into
  await county.goto("/monthly-report/YQ2024-001?month=2024-12");
  await expect(county.getByTestId("published-notice")).toHaveText("2024年12月已发布；本月数据只读。如需更正，请向园区申请重新开放。");
  await expect(county.getByLabel("本月完成投资（万元）")).toHaveCount(0);
  await expect(county.getByRole("button", { name: "提交审核" })).toHaveCount(0);

  // 洞口's to-do: the returned report is no longer offered for editing; the month is named 未报
  await dongkou.goto("/todo");
  await expect(dongkou.getByTestId("todo-returned-count")).toHaveText("0");
  const published = dongkou.getByTestId("todo-published");
  await expect(published.getByTestId("published-notice")).toHaveText("2024年12月已发布；本月数据按未报处理。如需更正，请向园区申请重新开放。");
  await expect(published.getByTestId("published-YQ2024-002")).toContainText("退回未改");
  await published.getByRole("link", { name: "申请更正" }).click();
  await expect(dongkou.getByTestId("published-notice")).toHaveText("2024年12月已发布；本月数据按未报处理。如需更正，请向园区申请重新开放。");
  await expect(dongkou.getByLabel("本月完成投资（万元）")).toHaveCount(0);
  await expect(dongkou.getByRole("button", { name: "提交审核" })).toHaveCount(0);
  await expect(dongkou.getByRole("button", { name: "保存草稿" })).toHaveCount(0);
  // 申请更正 needs a reason
  await dongkou.getByRole("button", { name: "申请更正" }).click();
  await expect(dongkou.getByTestId("correction").getByRole("alert")).toHaveText("请填写更正原因");
  await dongkou.getByLabel(/更正原因/).fill("监理月报已核对，本月投资1,000万元无误，请重新开放补报");
  await dongkou.getByRole("button", { name: "申请更正" }).click();
  await expect(dongkou.getByTestId("correction")).toContainText("已申请更正，正在等待园区处理。");
  await expect(dongkou.getByTestId("correction-history")).toContainText("待处理");
  await expect(dongkou.getByLabel(/更正原因/)).toHaveCount(0);

  // the office sees the request on its to-do and re-opens the month from it (the reason filled in)
  await admin.goto("/todo");
  await expect(admin.getByTestId("todo-corrections-count")).toHaveText("1");
  const request = admin.getByTestId("todo-correction-YQ2024-002");
  await expect(request).toContainText("监理月报已核对");
  await request.getByRole("link", { name: /金石资源再生利用及高端制造项目 · 2024年12月/ }).click();
  await expect(admin.getByTestId("period-corrections")).toContainText("洞口县园区");
  const reason = admin.getByLabel("重新开放原因（必填，记入操作日志和下次发布）");
  await expect(reason).toHaveValue(/^应洞口县园区申请更正金石资源再生利用及高端制造项目：监理月报已核对/);
  await admin.getByLabel("您的登录密码（确认身份）").fill(DEMO_PASSWORD);
  await admin.getByRole("button", { name: "重新开放" }).click();
  await expect(admin.getByTestId("period-status")).toContainText("填报中");
  await expect(admin.getByTestId("period-status")).toContainText("重新开放原因：应洞口县园区申请更正金石资源再生利用及高端制造项目");

  // 洞口 can edit again: the returned report is back on its to-do with its form
  await dongkou.goto("/todo");
  await expect(dongkou.getByTestId("todo-returned-count")).toHaveText("1");
  await expect(dongkou.getByTestId("todo-published")).toHaveCount(0);
  await dongkou.goto("/monthly-report/YQ2024-002?month=2024-12");
  await expect(dongkou.getByTestId("published-notice")).toHaveCount(0);
  await expect(dongkou.getByTestId("return-reason")).toContainText("本月投资与监理月报不一致");
  await expect(dongkou.getByLabel("本月完成投资（万元）")).toBeEditable();
  await expect(dongkou.getByRole("button", { name: "提交审核" })).toBeEnabled();
  await expect(dongkou.getByTestId("correction-history")).toContainText("已重新开放");
  await leader.reload();
  await expect(leader.getByTestId("freshness")).toContainText("该月正在更正，以下为上次发布的数据");
  await expect(leader.getByTestId("annual-completed")).toHaveText("42.7亿元");
});

test("a county cannot report another county's project by editing the form", async ({ browser }) => {
  const county = await as(browser, "huitong");
  await county.goto("/monthly-report/YQ2024-001?month=2024-10");
  await county.getByLabel("本月完成投资（万元）").fill("1");
  await county.getByLabel("累计完成固定资产投资（万元）").fill("1");
  await county.getByLabel("形象进度", { exact: true }).fill("伪造");
  // a hand-made request: point the hidden project code at 洞口县园区's project
  await county.evaluate(() => {
    (document.querySelector('input[name="projectCode"]') as HTMLInputElement).value = "YQ2024-002";
  });
  await county.getByRole("button", { name: "提交审核" }).click();
  await expect(county.locator("main").getByRole("alert")).toHaveText("无权填报该项目：只能填报本县区园区的项目。");
  // and the other county's page is refused outright
  await county.goto("/monthly-report/YQ2024-002?month=2024-10");
  await expect(county.getByRole("heading", { name: "无权访问" })).toBeVisible();
});

test("a leader can read but not report or review", async ({ browser }) => {
  const leader = await as(browser, "leader");
  await expect(leader.getByRole("link", { name: "月度填报" })).toHaveCount(0);
  await leader.goto("/review");
  await expect(leader.getByRole("heading", { name: "无权访问" })).toBeVisible();
  await leader.goto("/monthly-report");
  await expect(leader.getByRole("heading", { name: "无权访问" })).toBeVisible();
});
