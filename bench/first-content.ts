// Time to first content on a phone (issue 18): Chromium at 390 × 844 signs in as a leader and opens
// the cockpit, a county park's page, a project page, the 月度通报 and the 情况报告 of a running app
// (the demo: `npm start`), each `--runs` times after one warm-up. Per load it records
//   first paint — the first contentful paint: the header and the page's skeleton (loading.tsx);
//   content     — when the page's own heading (main h1) is on screen, i.e. its data has arrived;
// from the start of the navigation, and prints the medians as a Markdown table.
//   npx tsx bench/first-content.ts --base http://127.0.0.1:3000 [--runs 5] [--cpu 4]
// `--cpu N` slows the browser's CPU N times (Chrome DevTools' throttling), as a mid-range phone.
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "../tools/chromium";
import { DEMO_PASSWORD } from "../src/server/seed/demo-accounts";
import { arg, median } from "./common";

async function load(page: Page, url: string): Promise<{ paint: number; content: number }> {
  await page.goto(url, { waitUntil: "commit" });
  const content = await page.waitForFunction(
    () => {
      const h1 = document.querySelector("main h1");
      return h1 && h1.getClientRects().length > 0 ? performance.now() : false;
    },
    null,
    { polling: "raf", timeout: 60_000 },
  );
  const contentMs = (await content.jsonValue()) as number;
  const paint = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null);
  return { paint: paint ?? contentMs, content: contentMs };
}

async function main() {
  const base = arg("base", "http://127.0.0.1:3000");
  const runs = Number(arg("runs", "5"));
  const cpu = Number(arg("cpu", "1"));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel("用户名").fill(arg("user", "leader"));
    await page.getByLabel("密码").fill(arg("password", DEMO_PASSWORD));
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByTestId("current-user").waitFor();
    // the pages to open, found on the app itself: the first park and project linked from their lists
    await page.goto(`${base}/parks`);
    await page.locator('main a[href^="/parks/"]').first().waitFor();
    const firstLink = (pattern: RegExp) =>
      page.locator("main a").evaluateAll((links, source) => links.map((a) => a.getAttribute("href") ?? "").find((h) => new RegExp(source).test(h)) ?? null, pattern.source);
    const park = await firstLink(/^\/parks\/\d+(\?.*)?$/);
    await page.goto(`${base}/projects`);
    await page.locator('main a[href^="/projects/"]').first().waitFor();
    const project = await firstLink(/^\/projects\/(?!export)[^/?]+$/);
    await page.goto(`${base}/periods`);
    await page.locator('main a[href^="/periods/2"]').first().waitFor();
    const month = (await firstLink(/^\/periods\/\d{4}-\d{2}$/))?.slice("/periods/".length);
    const year = month?.slice(0, 4);
    const pages: Array<[string, string]> = [
      ["概览（驾驶舱）", "/overview"],
      ["园区页", park ?? "/parks"],
      ["项目页", project ?? "/projects"],
      ["月度通报", `/periods/${month}/bulletin`],
      ["情况报告", `/annual-report/${year}`],
    ];
    if (cpu > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
    }
    console.log(`390 × 844, CPU ×${cpu}, ${runs} loads each after one warm-up (median ms from the navigation's start)\n`);
    console.log("| page | path | first paint (skeleton) ms | content (heading) ms |");
    console.log("| --- | --- | ---: | ---: |");
    for (const [label, path] of pages) {
      await load(page, `${base}${path}`);
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await load(page, `${base}${path}`));
      const p = Math.round(median(samples.map((s) => s.paint)));
      const c = Math.round(median(samples.map((s) => s.content)));
      console.log(`| ${label} | \`${path.replace(/\d{4}-\d{2}/, "<month>").replace(/\/(parks|projects)\/[^/]+$/, "/$1/<id>")}\` | ${p} | ${c} |`);
    }
  } finally {
    await browser.close();
  }
}

void main();
