// Long lists are paged through the URL: the page links keep the filters and the page size.
import { expect, test } from "@playwright/test";

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
