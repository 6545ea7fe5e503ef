// The month charts read on a phone (390 px): the cockpit's, a county park's and a project's chart
// are drawn at least 220 px tall with axis labels of at least 11 px as rendered (a picture scaled
// down to the phone's width shrinks its text with it), the latest amount is written on the chart,
// and its data table is one tap away.
import { expect, test, type Locator, type Page } from "@playwright/test";

test.use({ viewport: { width: 390, height: 844 } });

/** The chart's drawn height and its axis labels' font sizes in CSS pixels as they appear on screen. */
async function measure(box: Locator) {
  return box.evaluate((el) => {
    const labels = [...el.querySelectorAll(".chart-tick")].filter((t) => t.getClientRects().length > 0);
    const sizes = labels.map((t) => {
      const size = parseFloat(getComputedStyle(t).fontSize);
      // SVG text is scaled with its picture: its size on screen is its size times the scale
      const m = t instanceof SVGGraphicsElement ? t.getScreenCTM() : null;
      return size * (m ? Math.hypot(m.c, m.d) : 1);
    });
    return { height: el.getBoundingClientRect().height, width: el.getBoundingClientRect().width, sizes };
  });
}

async function expectReadableChart(page: Page) {
  const box = page.getByTestId("chart-box").first();
  await expect(box).toBeVisible();
  const { height, width, sizes } = await measure(box);
  expect(width).toBeLessThanOrEqual(390);
  expect(height).toBeGreaterThanOrEqual(220);
  expect(sizes.length).toBeGreaterThan(2);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  // the latest published amount is written on the chart, as the reader reads it
  await expect(box).toContainText(/\d+\.\d{2}亿元/);
  return box;
}

test("the cockpit's chart reads on a phone and its month table is one tap away", async ({ page }) => {
  await page.goto("/");
  // on a phone the cockpit folds the month chart behind its title: one tap opens it
  await page.getByTestId("fold-timeline").click();
  await expectReadableChart(page);
  const table = page.getByTestId("timeline-table");
  await expect(table).toBeHidden();
  await page.getByText("查看数据表").first().click();
  await expect(table).toBeVisible();
  await expect(table).toContainText("2024年11月");
});

test("a county park's chart reads on a phone and its month table is one tap away", async ({ page }) => {
  await page.goto("/parks");
  await page.locator('main a[href^="/parks/"]').first().click();
  await expect(page).toHaveURL(/\/parks\/\d+/);
  await expectReadableChart(page);
  const table = page.getByTestId("park-timeline-table");
  await expect(table).toBeHidden();
  await page.getByText("查看数据表").first().click();
  await expect(table).toBeVisible();
});

test("a project's chart reads on a phone, with its month table open under it", async ({ page }) => {
  await page.goto("/projects/YQ2024-002");
  await expectReadableChart(page);
  await expect(page.getByTestId("figure-history")).toBeVisible();
  await page.getByText("收起数据表").click();
  await expect(page.getByTestId("figure-history")).toBeHidden();
});
