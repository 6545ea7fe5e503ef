// The audit log as a park official reads it, in Chromium: a county submits a month, the office
// returns it with a reason and then approves it, and /admin/audit tells both in Chinese — only
// what changed, names instead of ids — with sign-ins in their own view. (Runs after the other
// journeys: it adds an approved December figure for 洞口's project.)
import { expect, test, type Browser } from "@playwright/test";
import { login } from "../helpers";

async function as(browser: Browser, username: string) {
  const page = await (await browser.newContext()).newPage();
  await login(page, username);
  return page;
}

test("the audit log shows a report's return and approval in Chinese: only what changed, names not ids", async ({ browser }) => {
  const county = await as(browser, "dongkou");
  const submit = async (text: string) => {
    await county.goto("/monthly-report/YQ2024-002?month=2024-12");
    await county.getByLabel("本月完成投资（万元）").fill("1000");
    // 上期（2024年11月）累计 170,000万元 + 本月 1,000万元
    await county.getByLabel("累计完成固定资产投资（万元）").fill("171000");
    await county.getByLabel("形象进度", { exact: true }).fill(text);
    await county.getByRole("button", { name: "提交审核" }).click();
    await expect(county.getByRole("status")).toContainText("已提交");
  };
  await submit("设备安装调试");
  const admin = await as(browser, "admin");
  await admin.goto("/review");
  const item = admin.getByTestId("review-YQ2024-002-2024-12");
  // the counts on the page and the menu's badge, before the decision
  const pending = Number(await admin.getByTestId("review-counts").locator(".num").first().innerText());
  const badge = Number(await admin.getByTestId("todo-count").innerText());
  const returnedChip = admin.getByTestId("review-by-status").getByRole("link", { name: /^退回/ });
  const returned = Number(await returnedChip.locator(".num").innerText());
  await item.getByLabel("退回原因（退回时必填）").fill("形象进度请写明设备到货情况");
  await item.getByRole("button", { name: "退回" }).click();
  // the answer repeats the reason; the counts move without a reload
  await expect(item.getByRole("status")).toHaveText("已退回县区，退回原因：形象进度请写明设备到货情况");
  await expect(admin.getByTestId("review-counts").locator(".num").first()).toHaveText(String(pending - 1));
  await expect(admin.getByTestId("todo-count")).toHaveText(String(badge - 1));
  await expect(returnedChip.locator(".num")).toHaveText(String(returned + 1));
  await submit("设备已到货，安装调试中");
  await admin.goto("/review");
  await item.getByRole("button", { name: "审核通过" }).click();
  await expect(item.getByRole("status")).toHaveText("已审核通过。");

  await admin.goto("/admin/audit");
  await admin.getByLabel(/^操作(?!人)/).selectOption({ label: "审核通过月报" });
  await admin.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(admin).toHaveURL(/action=report\.approve/);
  const row = admin.getByTestId("audit-row").first();
  await expect(row).toContainText("审核通过月报");
  await expect(row).toContainText(/月度调度 YQ2024-002 \S+ 2024年12月/);
  await expect(row).toContainText("操作人：园区管理员（演示）（admin）");
  const status = row.getByTestId("audit-diff").getByRole("row", { name: /状态/ });
  await expect(status).toContainText("已提交");
  await expect(status).toContainText("已审核");
  await expect(row.getByTestId("audit-diff")).toContainText("审核通过的版本");
  await expect(row).not.toContainText(/SUBMITTED|APPROVED|approvedRevisionId|MonthlyReport|null|User #/);

  // the return before it, with its reason; and the county's submission in 万元 by the county's name
  await admin.getByLabel(/^操作(?!人)/).selectOption({ label: "退回月报" });
  await admin.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(admin.getByTestId("audit-row").first()).toContainText("退回原因");
  await expect(admin.getByTestId("audit-row").first()).toContainText("形象进度请写明设备到货情况");
  await admin.getByLabel(/^操作(?!人)/).selectOption({ label: "提交月报" });
  await admin.getByRole("button", { name: "筛选", exact: true }).click();
  const submitted = admin.getByTestId("audit-row").first();
  await expect(submitted).toContainText("洞口县园区填报员（演示）");
  await expect(submitted).toContainText("本月完成投资（万元）");
  await expect(submitted).toContainText("1,000万元");

  // sign-ins are in their own view, not in the main list
  await admin.goto("/admin/audit");
  // sign-ins have their own view (a field label may mention 登录, an entry's title never does here)
  await expect(admin.getByTestId("audit-row").filter({ hasText: /^登录/ })).toHaveCount(0);
  await admin.getByRole("link", { name: "登录记录" }).click();
  await expect(admin.getByTestId("audit-row").first()).toContainText("登录");
  await expect(admin.getByTestId("audit-row").first()).toContainText("操作人：");
});
