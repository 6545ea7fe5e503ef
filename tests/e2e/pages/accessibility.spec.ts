// WCAG 2.1 AA (axe-core): no serious or critical violation on the pages leaders read, on a phone
// (390 px) and a laptop (1366 px). The office's and a county's pages: journeys/accessibility.spec.ts.
import { test } from "@playwright/test";
import { expectAccessible } from "../axe";

test("the leader's pages have no serious or critical WCAG 2.1 AA violation at 390 and 1366 px", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/parks");
  const park = await page.locator('main a[href^="/parks/"]').first().getAttribute("href");
  await expectAccessible(page, ["/", "/projects", "/projects/YQ2024-002", "/parks", park ?? "/parks/1", "/issues", "/periods", "/periods/2024-11/bulletin", "/annual-report/2024"]);
});
