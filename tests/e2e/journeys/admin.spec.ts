// The admin's and the county's journeys of issue #4: the issue ledger, project edits seen on
// the overview, user accounts, and the audit log listing those writes.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, login } from "../helpers";

test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);

test("admin raises an issue, hands it out (交办), closes it before anyone acknowledged it, and the closure rate changes", async ({ page }) => {
  await login(page, "admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "问题台账" }).click();
  await expect(page.getByRole("heading", { name: "问题台账" })).toBeVisible();
  const total = Number((await page.getByTestId("issue-total").innerText()).replace("个", ""));
  const rateBefore = await page.getByTestId("closure-rate").innerText();

  await page.getByRole("link", { name: "反映问题" }).click();
  await page.getByLabel("所属项目").selectOption("YQ2024-002");
  await page.getByLabel("问题类别").selectOption({ label: "能耗双控压力大" });
  const title = `碳酸锂二期用能指标不足 ${stamp}`;
  await page.getByLabel("问题标题").fill(title);
  await page.getByLabel("问题描述").fill("二期新增用能约2万吨标煤，尚未取得能耗指标。");
  await page.getByRole("button", { name: "登记问题" }).click();
  await expect(page.getByRole("status")).toContainText(`已登记问题「${title}」`);

  await page.goto("/issues");
  await expect(page.getByTestId("issue-total")).toHaveText(`${total + 1}个`);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByTestId("issue-status")).toHaveText("待交办");

  const assign = page.getByRole("form", { name: "交办" });
  await assign.getByLabel("责任单位").fill("市发改委");
  await assign.getByLabel("包保领导").fill("王副市长");
  await assign.getByLabel("办结时限").fill("2099-06-30");
  await assign.getByRole("button", { name: "交办" }).click();
  await expect(page.getByTestId("issue-status")).toHaveText("待签收");
  await expect(page.getByTestId("issue-unit")).toHaveText("市发改委");
  await expect(page.getByTestId("issue-leader")).toHaveText("王副市长");

  // not yet acknowledged: the office may still close it directly
  const close = page.getByRole("form", { name: "直接办结" });
  await close.getByRole("button", { name: "直接办结" }).click();
  await expect(close.getByText("请填写办结情况")).toBeVisible();
  await close.getByLabel("办结情况").fill("省发改委已下达2万吨标煤能耗指标");
  await close.getByRole("button", { name: "直接办结" }).click();
  await expect(page.getByTestId("issue-status")).toHaveText("已办结");
  await expect(page.getByTestId("issue-resolution")).toContainText("省发改委已下达2万吨标煤能耗指标");
  await expect(page.getByTestId("issue-updates").locator("li")).toHaveCount(2);

  await page.goto("/issues");
  const rateAfter = await page.getByTestId("closure-rate").innerText();
  expect(rateAfter).not.toBe(rateBefore);
  const closed = Number((await page.getByTestId("issue-closed").innerText()).replace("个", ""));
  expect(closed).toBeGreaterThanOrEqual(1);
  expect(rateAfter).toBe(((closed / (total + 1)) * 100).toFixed(1) + "%");
});

test("an overdue issue is flagged in red and counted", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/issues/new");
  await page.getByLabel("所属项目").selectOption("YQ2024-003");
  await page.getByLabel("问题类别").selectOption({ label: "审批" });
  const title = `原料药车间环评批复滞后 ${stamp}`;
  await page.getByLabel("问题标题").fill(title);
  await page.getByLabel("问题描述").fill("环评批复尚未下达。");
  await page.getByLabel("提出日期（默认今天）").fill("2024-10-08");
  await page.getByRole("button", { name: "登记问题" }).click();
  await expect(page.getByRole("status")).toContainText("已登记问题");
  await page.goto("/issues");
  await page.getByRole("link", { name: title }).click();
  const assign = page.getByRole("form", { name: "交办" });
  await assign.getByLabel("责任单位").fill("溆浦县生态环境分局");
  await assign.getByLabel("包保领导").fill("赵副县长");
  await assign.getByLabel("办结时限").fill("2024-11-30");
  await assign.getByRole("button", { name: "交办" }).click();
  await expect(page.getByTestId("escalation-notice")).toContainText("已升级督办 · 包保领导 赵副县长");
  await expect(page.getByTestId("issue-due")).toContainText("已逾期");
  await page.goto("/issues?overdue=1");
  await expect(page.getByTestId("overdue-count")).not.toHaveText("0个");
  await expect(page.getByTestId("issue-list").getByRole("link", { name: title })).toHaveClass(/text-red-700/);
});

test("county staff raise an issue from the monthly entry page", async ({ page }) => {
  await login(page, "huitong");
  await page.goto("/monthly-report/YQ2024-001?month=2024-12");
  const form = page.getByRole("form", { name: "反映问题" });
  await form.getByLabel("问题类别").selectOption({ label: "原材料价格上涨" });
  const title = `铝锭价格上涨 ${stamp}`;
  await form.getByLabel("问题标题").fill(title);
  await form.getByRole("button", { name: "登记问题" }).click();
  await expect(form.getByText("请填写问题描述")).toBeVisible();
  await form.getByLabel("问题描述").fill("铝锭采购价较年初上涨18%，影响二期设备采购。");
  await form.getByRole("button", { name: "登记问题" }).click();
  await expect(form.getByRole("status")).toContainText(`已登记问题「${title}」`);
  await page.goto("/issues");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByText("中伟新材料项目（YQ2024-001，会同县园区）")).toBeVisible();
  await expect(page.getByTestId("issue-status")).toHaveText("待交办");
});

test("admin edits a project's total investment: the project page shows it, the overview keeps the published figures", async ({ page }) => {
  await login(page, "admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "管理" }).click();
  await page.getByTestId("admin-projects").locator("li", { hasText: "YQ2024-004" }).getByRole("link", { name: "编辑" }).click();
  const total = page.getByLabel("总投资（万元）");
  await expect(total).toHaveValue("300000");
  await total.fill("30.5亿");
  await page.getByRole("button", { name: "保存项目" }).click();
  await expect(page.getByText("总投资须为数字（单位：万元），如 1200 或 1200.50")).toBeVisible();
  await total.fill("305000");
  await page.getByRole("button", { name: "保存项目" }).click();
  await expect(page.getByRole("status")).toContainText("已保存项目「华润电力天然气热电联产项目」");
  await page.goto("/projects/YQ2024-004");
  await expect(page.getByTestId("fact-total")).toHaveText("30.5亿元");
  // leaders read the published month: the new figure reaches the overview with the next publication
  await page.goto("/overview");
  await expect(page.getByTestId("card-total-computed")).toHaveText("146.8亿元");

  // and back to the report's figure, so the other browser tests see the seed as it is
  await page.goto("/admin/projects/YQ2024-004/edit");
  await page.getByLabel("总投资（万元）").fill("300000");
  await page.getByRole("button", { name: "保存项目" }).click();
  await expect(page.getByRole("status")).toContainText("已保存项目");
  await page.goto("/projects/YQ2024-004");
  await expect(page.getByTestId("fact-total")).toHaveText("30亿元");
});

test("admin records the 倒排工期 and milestones; a decreasing month is refused", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/admin/projects/YQ2024-004/edit?year=2024");
  const plan = page.getByRole("form", { name: "倒排工期" });
  await plan.getByLabel("11月末累计（万元）").fill("47000");
  await plan.getByLabel("12月末累计（万元）").fill("40000");
  await plan.getByRole("button", { name: "保存倒排工期" }).click();
  await expect(plan.getByText("计划累计投资不能少于上月（11月 47000万元）")).toBeVisible();
  await plan.getByLabel("12月末累计（万元）").fill("60000");
  await plan.getByRole("button", { name: "保存倒排工期" }).click();
  await expect(plan.getByRole("status")).toContainText("已保存2024年倒排工期（2个月）");
  const ms = page.getByRole("form", { name: "节点目标" });
  await ms.locator("#planned_START").fill("2024-04-30");
  await ms.locator("#actual_START").fill("2024-11-05");
  await ms.getByRole("button", { name: "保存节点目标" }).click();
  await expect(ms.getByRole("status")).toHaveText("已保存节点目标。");
  await page.reload();
  await expect(page.getByRole("form", { name: "倒排工期" }).getByLabel("12月末累计（万元）")).toHaveValue("60000");
  await expect(page.getByRole("form", { name: "节点目标" }).locator("#actual_START")).toHaveValue("2024-11-05");
});

test("admin creates a user who can then sign in (and first changes the password)", async ({ page, browser }) => {
  await login(page, "admin");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "新建用户" });
  const username = `zhang${stamp}`;
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill("张填报");
  await form.getByLabel("角色").selectOption("COUNTY");
  await form.getByLabel("初始密码").fill("short");
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(form.getByText("县区填报员须绑定一个县区园区")).toBeVisible();
  await expect(form.getByText("密码至少12位")).toBeVisible();
  await expect(form.getByText("请输入您的登录密码以确认身份")).toBeVisible();
  await form.getByLabel("县区园区（县区填报员必选）").selectOption({ label: "溆浦县园区" });
  await form.getByLabel("初始密码").fill("xupu2024pass");
  await form.getByLabel("您的登录密码（确认身份）").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByRole("status")).toContainText(`已创建用户「${username}」`);
  await expect(page.getByTestId(`user-${username}`)).toContainText("县区填报员");

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const other = await context.newPage();
  await login(other, username, "xupu2024pass");
  await expect(other.getByTestId("current-user")).toContainText("张填报");
  await expect(other).toHaveURL(/\/account\/password$/);
  await other.getByLabel("当前密码（管理员告知的初始密码）").fill("xupu2024pass");
  await other.getByLabel("新密码", { exact: true }).fill("xupu-own-2025");
  await other.getByLabel("再次输入新密码").fill("xupu-own-2025");
  await other.getByRole("button", { name: "修改密码" }).click();
  await expect(other).toHaveURL(/\/todo$/);
  await other.goto("/admin/users");
  await expect(other).toHaveURL(/\/forbidden/);
  await context.close();
});

test("the audit log lists those writes, newest first, filterable", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/admin/audit");
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  const text = await page.getByTestId("audit-list").innerText();
  for (const action of ["新建用户", "修改项目", "办结问题", "交办问题", "登记问题", "修改倒排工期", "修改节点目标"]) expect(text).toContain(action);
  // newest first: the user created last comes before the project edit
  expect(text.indexOf("新建用户")).toBeLessThan(text.indexOf("修改项目"));
  await page.getByLabel("对象").selectOption("Project");
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page).toHaveURL(/entity=Project/);
  const edit = page.getByTestId("audit-row").filter({ hasText: "修改项目" }).first();
  await expect(edit).toContainText("YQ2024-004");
  // only what changed, in Chinese and in 万元
  await expect(edit).toContainText("总投资（万元）");
  await expect(edit).toContainText("300,000万元");
  await expect(edit).toContainText("305,000万元");
  await expect(edit).not.toContainText("totalInvestment");
  await page.getByLabel("操作人").selectOption("huitong");
  await page.getByLabel("对象").selectOption("");
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page.getByTestId("audit-list")).toContainText("登记问题");
  await expect(page.getByTestId("audit-list")).not.toContainText("修改项目");
});

test("leaders read the ledger but get no write forms and no admin pages", async ({ page }) => {
  await login(page, "leader");
  await page.goto("/issues");
  await expect(page.getByRole("heading", { name: "问题台账" })).toBeVisible();
  await expect(page.getByRole("link", { name: "反映问题" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "管理" })).toHaveCount(0);
  await page.getByTestId("issue-list").getByRole("link").first().click();
  for (const name of ["交办", "签收", "反馈办理结果", "复核", "直接办结"]) await expect(page.getByRole("form", { name })).toHaveCount(0);
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/forbidden/);
});

test("on a phone the ledger, the entry page's issue form and the admin pages fit the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, "admin");
  for (const path of [
    "/issues",
    "/issues/new",
    "/issues/1",
    "/monthly-report/YQ2024-001?month=2024-12",
    "/admin",
    "/admin/projects/new",
    "/admin/projects/YQ2024-001/edit",
    "/admin/plans/2024",
    "/admin/users",
    "/admin/audit",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
