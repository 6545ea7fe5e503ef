// axe-core (a devDependency: one plain JS file, injected into the page) checks a page against
// WCAG 2.0 and 2.1, levels A and AA. Used by tests/e2e/pages/accessibility.spec.ts (read-only pages,
// as the leader) and tests/e2e/journeys/accessibility.spec.ts (the office's and a county's pages).
import { createRequire } from "node:module";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

const AXE_SCRIPT = createRequire(path.resolve("package.json")).resolve("axe-core");
const WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export type AxeViolation = { id: string; impact: string; help: string; targets: string[] };

/** The serious and critical WCAG 2.1 AA violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async (tags) => {
    type Result = { violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[]; html: string }> }> };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? "",
        help: v.help,
        targets: v.nodes.map((n) => `${n.target.map(String).join(" ")}  ${n.html.replace(/\s+/g, " ").slice(0, 160)}`),
      }));
  }, WCAG21_AA);
}

/**
 * Opens each path at each width and fails naming every serious or critical violation found
 * (page, width, rule id, help and the elements), after checking every page.
 */
export async function expectAccessible(page: Page, paths: string[], widths = [390, 1366]) {
  const found: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    for (const p of paths) {
      await page.goto(p);
      await expect(page.locator("main h1").first()).toBeVisible();
      await page.waitForLoadState("networkidle");
      for (const v of await seriousViolations(page)) {
        found.push(
          `${p} @${width}px: [${v.impact}] ${v.id} — ${v.help}\n    ${v.targets.slice(0, 8).join("\n    ")}${v.targets.length > 8 ? `\n    …及另外${v.targets.length - 8}处` : ""}`,
        );
      }
    }
  }
  if (found.length) console.log(found.join("\n"));
  expect(found, found.join("\n")).toEqual([]);
}
