// Long lists are paged through the URL: the page links keep the filters and the page size.
import { expect, test } from "@playwright/test";
import { revealed } from "../helpers";

test("the issue ledger pages through the URL, keeping its filters and page size", async ({ page }) => {
  await page.goto("/issues?size=2&year=2024");
  const total = Number((await page.getByTestId("issue-total").innerText()).replace("个", ""));
  expect(total).toBeGreaterThan(2);
  const pages = Math.ceil(total / 2);
  await expect(page.getByTestId("issue-page-info")).toHaveText(`共${total}个，第1/${pages}页（每页2个，逾期的在前）`);
  const items = page.getByTestId("issue-list").locator("> li");
  await expect(items).toHaveCount(2);
  const first = await items.first().getAttribute("data-testid");

  await page.getByTestId("pagination").getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(page).toHaveURL(/[?&]size=2/);
  await expect(page).toHaveURL(/[?&]year=2024/);
  await expect(page.getByTestId("pagination").getByRole("link", { name: "2", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(items).toHaveCount(2);
  expect(await items.first().getAttribute("data-testid")).not.toBe(first);
  // the counts are of the whole filtered list, not of the page
  await expect(page.getByTestId("issue-total")).toHaveText(`${total}个`);

  // a page past the end shows the last one
  await page.goto("/issues?size=2&year=2024&page=999");
  await expect(page.getByTestId("issue-page-info")).toContainText(`第${pages}/${pages}页`);
});

test("on a phone the list filters fold behind one 筛选 button with the active ones as chips; on a wide screen they stay open", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/issues?year=2024&escalated=1");
  const form = page.getByRole("form", { name: "筛选" });
  await expect(form).toBeHidden();
  await expect(page.getByTestId("filter-toggle-chip")).toHaveText(["只看已升级督办"]);
  const toggle = page.getByTestId("filter-toggle");
  await expect(toggle).toHaveText("筛选（1项）");
  // the list starts within the first screen, not below the filters
  await expect(page.getByTestId("issue-total")).toBeVisible();
  expect((await page.getByTestId("issue-total").boundingBox())!.y).toBeLessThan(844);
  await toggle.click();
  await expect(form).toBeVisible();
  await expect(toggle).toHaveText("收起筛选");

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/projects?q=%E9%87%91%E7%9F%B3");
  await expect(page.getByRole("form", { name: "筛选项目" })).toBeVisible();
  await expect(page.getByTestId("filter-toggle")).toBeHidden();
});

test("a table wider than the screen says so and keeps its first column in place; no table hides columns behind an unmarked scroll", async ({ page }) => {
  let seen = 0;
  for (const width of [390, 820, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ["/", "/projects", "/parks", "/periods/2024-11", "/projects/YQ2024-004", "/issues", "/nodes"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await revealed(page); // every section streamed in, not only the first
      // every table whose scrolling frame is wider than its view, and whether the frame is marked. The
      // mark is measured in the browser after hydration, so wait for it (a frame never marked still fails).
      const unmarked = () =>
        page.evaluate(() =>
          [...document.querySelectorAll("table")].flatMap((t) => {
            let el = t.parentElement;
            while (el && getComputedStyle(el).overflowX !== "auto") el = el.parentElement;
            return el && el.offsetParent !== null && el.scrollWidth - el.clientWidth > 1 && el.dataset.overflow !== "true" ? [t.dataset.testid ?? "table"] : [];
          }),
        );
      await expect.poll(unmarked, { message: `${path} at ${width} px` }).toEqual([]);
      for (const frame of await page.locator('[data-overflow="true"]').all()) {
        if (!(await frame.isVisible())) continue;
        seen += 1;
        const cue = frame.locator("xpath=../..").getByTestId("scroll-cue");
        await expect(cue, path).toHaveText(/^表格较宽，左右滑动查看全部\d+列 →$/);
        // the first column shown (a column hidden on a phone passes the place to the next)
        const first = frame.locator("tbody tr").first().locator("xpath=./*").filter({ visible: true }).first();
        expect(await first.evaluate((el) => getComputedStyle(el).position), path).toBe("sticky");
        // scrolled to the end, the first column is still at the frame's left edge
        const left = (await frame.boundingBox())!.x;
        await frame.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
        await expect.poll(async () => Math.round((await first.boundingBox())!.x - left), { message: path }).toBe(0);
      }
    }
  }
  // the project list's table between a phone and a wide screen (820 px) is one that scrolls
  expect(seen).toBeGreaterThan(0);
});

test("on a phone the county ranking keeps each park's name, its rate and the rate's numerator and denominator on screen, and says where the other columns are", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/parks");
  const rows = page.getByTestId("parks-table").locator("tbody > tr");
  await expect(rows.first()).toBeVisible();
  const inside = async (cell: import("@playwright/test").Locator) => {
    const box = (await cell.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  };
  for (const row of await rows.all()) {
    await inside(row.locator("th"));
    await inside(row.locator('[data-col="rate"]'));
    // the rate's numerator and denominator (本年完成 ÷ 年度计划), or the year's amount where no project has a plan figure
    const equation = row.locator('[data-col="equation"]');
    await inside(equation);
    await expect(equation).toHaveText(/本年完成.*÷.*年度计划.*=|^全部\d+个项目本年完成[\d.]+(亿元|万元)$/);
  }
  await expect(page.getByTestId("ranking-phone-note")).toBeVisible();
});
