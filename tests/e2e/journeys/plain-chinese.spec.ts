// Officials read plain Chinese (issue 18): no setting's name (REPORT_DEADLINE_DAY), no hash and no
// internal id in what a page shows; an administrator's technical details wait behind 详情; date
// and month inputs say their format beside their label whatever the browser's language.
import { expect, test, type Page } from "@playwright/test";
import { login } from "../helpers";

/** What the page shows (closed 详情 and hidden text excluded). */
const shown = (page: Page) => page.locator("main").evaluate((m) => (m as HTMLElement).innerText);

const SETTING = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/; // REPORT_DEADLINE_DAY, APP_TODAY, …
const HASH = /\b[0-9a-f]{12,}\b/i; // a checksum or a digest

/** The visible date and month inputs whose label does not say the format (（年-月…） or （年/月/日…）). */
const unhinted = (page: Page) =>
  page.locator("main").evaluate((m) =>
    [...m.querySelectorAll<HTMLInputElement>('input[type="date"], input[type="month"]')]
      .filter((i) => i.offsetParent !== null)
      .filter((i) => !/（[年月日][^）]*）/.test((i.labels?.[0] ?? i.closest("label"))?.textContent ?? ""))
      .map((i) => i.name || i.id),
  );

test("no setting's name or hash on the pages officials open; the administrator's details are behind 详情", async ({ page }) => {
  await login(page, "huitong");
  for (const path of ["/todo", "/overview", "/periods", "/periods/2024-11", "/projects", "/issues", "/imports", "/monthly-report"]) {
    await page.goto(path);
    const text = await shown(page);
    expect(text, path).not.toMatch(SETTING);
    expect(text, path).not.toMatch(HASH);
    expect(await unhinted(page), path).toEqual([]);
  }

  await page.context().clearCookies();
  await login(page, "admin");
  await page.goto("/periods");
  const open = page.locator("section[aria-labelledby=open-period]");
  await expect(open).toContainText(/截止日为次月\d+日/);
  expect(await shown(page)).not.toMatch(SETTING);
  const details = page.getByTestId("deadline-setting");
  await details.getByText("详情").click();
  await expect(details).toContainText("REPORT_DEADLINE_DAY");

  // a date and a month input say their format beside their label
  await page.goto("/issues/new");
  await expect(page.getByText("（年/月/日，如 2024/11/05）").first()).toBeVisible();
  expect(await unhinted(page)).toEqual([]);
  await expect(page.getByLabel("办结时限（选填）")).toHaveAttribute("type", "date");
  await page.goto("/periods");
  await expect(page.getByLabel("调度月份")).toHaveAttribute("type", "month");
  await expect(page.getByText("（年-月，如 2024年11月）").first()).toBeVisible();
  expect(await unhinted(page)).toEqual([]);
});
