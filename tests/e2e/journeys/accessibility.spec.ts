// WCAG 2.1 AA (axe-core): no serious or critical violation on the pages the office and the county
// staff work in, at 390 and 1366 px. The leader's pages: pages/accessibility.spec.ts.
import { test } from "@playwright/test";
import { expectAccessible } from "../axe";
import { ensureSignedIn } from "../helpers";

test("the office's review and periods pages have no serious or critical WCAG 2.1 AA violation", async ({ page }) => {
  await ensureSignedIn(page, "admin");
  await expectAccessible(page, ["/review", "/review/benefits", "/periods", "/periods/2024-12", "/todo"]);
});

test("a county's report list and report form have no serious or critical WCAG 2.1 AA violation", async ({ page }) => {
  await ensureSignedIn(page, "huitong");
  await expectAccessible(page, ["/monthly-report", "/monthly-report/YQ2024-001?month=2024-12", "/benefits/YQ2024-001"]);
});
