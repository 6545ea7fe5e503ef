// Lighthouse, mobile (issue 18, budget: performance ≥ 95, accessibility 100), on the pages each role
// opens most, against a running app with the demo data (`npm start` on the embedded database):
//   the cockpit `/` (leader), a project page (leader), the report form (会同's county account),
//   /review (the office) and the latest 月度通报 (leader).
// It signs each account in through the app's own /login in Chromium, passes the session cookie to
// Lighthouse as a header, runs Lighthouse `--runs` times per page (its default mobile settings:
// Moto G Power viewport, simulated slow 4G, CPU ×4) and prints the median scores and metrics, with
// every accessibility audit that failed and the largest performance opportunities.
//   npm run bench:lighthouse -- --base http://127.0.0.1:3000 [--runs 3] [--json out.json] [--keep reports/] [--pages 驾驶舱,审核] [--record]
// --record keeps the figures in bench/results.json and the section "Lighthouse (mobile)" of bench/RESULTS.md.
// Lighthouse is not a dependency of the app: it is fetched by `npx --yes lighthouse@<LIGHTHOUSE>`
// (the first run downloads it into npm's cache). Take measurements under
// `flock /work/wt/bench.lock` on a shared machine, and note `uptime` with the figures.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "../tools/chromium";
import { DEMO_PASSWORD } from "../src/server/seed/demo-accounts";
import { arg, gitCommit, median } from "./common";
import { lighthouseMarkdown, recordResults, type LighthouseResult, type LighthouseRow } from "./lighthouse-results";

/** The newest Lighthouse that runs on Node 20 (13.x wants Node 22). */
const LIGHTHOUSE = "12.8.2";
const SESSION_COOKIE = "ppt_session";

/** Signs `username` in through /login; returns its session cookie and a function finding links on pages it can open. */
async function signIn(browser: Browser, base: string, username: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByTestId("current-user").waitFor();
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`${username}: 登录后没有 ${SESSION_COOKIE} cookie`);
  /** The first link on `from` whose href matches `pattern`. */
  const firstLink = async (from: string, pattern: RegExp): Promise<string> => {
    await page.goto(`${base}${from}`);
    await page.locator("main h1").waitFor();
    const href = await page
      .locator("main a")
      .evaluateAll((links, source) => links.map((a) => a.getAttribute("href") ?? "").find((h) => new RegExp(source).test(h)) ?? null, pattern.source);
    if (!href) throw new Error(`${username}: ${from} 上没有匹配 ${pattern} 的链接`);
    return href;
  };
  return { cookie: `${cookie.name}=${cookie.value}`, firstLink, close: () => context.close() };
}

type Run = {
  performance: number;
  accessibility: number;
  metrics: Record<"fcp" | "lcp" | "tbt" | "cls" | "si", number>;
  benchmarkIndex: number;
  failedA11y: string[];
  opportunities: string[];
};

/** One Lighthouse run of `url` with `cookie`; the scores (0–100), the metrics and what failed. */
async function lighthouse(url: string, cookie: string, dir: string, out: string): Promise<Run> {
  const headers = path.join(dir, "headers.json");
  fs.writeFileSync(headers, JSON.stringify({ Cookie: cookie }));
  const args = [
    "--yes",
    `lighthouse@${LIGHTHOUSE}`,
    url,
    "--only-categories=performance,accessibility",
    "--output=json",
    `--output-path=${out}`,
    `--extra-headers=${headers}`,
    "--locale=zh",
    "--quiet",
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(" ")}`,
  ];
  const status = await new Promise<number | null>((resolve, reject) => {
    const child = spawn("npx", args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, CHROME_PATH: chromiumPath() } });
    child.on("error", reject);
    child.on("exit", resolve);
  });
  if (status !== 0) throw new Error(`lighthouse 退出码 ${status}：${url}`);
  type Audit = { id: string; title: string; score: number | null; scoreDisplayMode: string; numericValue?: number; details?: { type?: string; overallSavingsMs?: number } };
  const report = JSON.parse(fs.readFileSync(out, "utf8")) as {
    finalDisplayedUrl: string;
    runtimeError?: { message: string };
    environment: { benchmarkIndex: number };
    categories: Record<string, { score: number; auditRefs: Array<{ id: string }> }>;
    audits: Record<string, Audit>;
  };
  if (report.runtimeError) throw new Error(`lighthouse：${report.runtimeError.message}（${url}）`);
  if (new URL(report.finalDisplayedUrl).pathname === "/login") throw new Error(`lighthouse 打开 ${url} 时被带到登录页：会话没有带上`);
  const audit = (id: string) => report.audits[id]?.numericValue ?? NaN;
  const a11yIds = report.categories.accessibility.auditRefs.map((r) => r.id).filter((id) => report.audits[id]?.scoreDisplayMode === "binary" && report.audits[id].score === 0);
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    metrics: {
      fcp: audit("first-contentful-paint"),
      lcp: audit("largest-contentful-paint"),
      tbt: audit("total-blocking-time"),
      cls: audit("cumulative-layout-shift"),
      si: audit("speed-index"),
    },
    benchmarkIndex: Math.round(report.environment.benchmarkIndex),
    failedA11y: a11yIds.map((id) => `${id}（${report.audits[id].title}）`),
    opportunities: Object.values(report.audits)
      .filter((a) => a.details?.type === "opportunity" && (a.details.overallSavingsMs ?? 0) >= 50)
      .sort((x, y) => (y.details?.overallSavingsMs ?? 0) - (x.details?.overallSavingsMs ?? 0))
      .map((a) => `${a.id} −${Math.round(a.details?.overallSavingsMs ?? 0)} ms`),
  };
}

/**
 * Lighthouse itself sometimes fails to record its trace (NO_NAVSTART, NO_FCP on a page that did
 * paint): such a run is taken again, up to twice, and said so; a session that did not reach the
 * page (the login page instead) is not retried.
 */
async function lighthouseRetried(url: string, cookie: string, dir: string, out: string): Promise<Run> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouse(url, cookie, dir, out);
    } catch (e) {
      const message = (e as Error).message;
      if (attempt >= 3 || message.includes("登录页")) throw e;
      console.log(`  重试（第${attempt + 1}次）：${message}`);
    }
  }
}

async function main() {
  const base = arg("base", "http://127.0.0.1:3000").replace(/\/$/, "");
  const runs = Number(arg("runs", "3"));
  const jsonOut = arg("json", "");
  /** where each run's whole Lighthouse report is kept (`--keep <dir>`), else a temporary folder */
  const keep = arg("keep", "");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lighthouse-"));
  if (keep) fs.mkdirSync(keep, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const pages: Array<{ label: string; role: string; path: string; cookie: string }> = [];
  try {
    const leader = await signIn(browser, base, "leader");
    const county = await signIn(browser, base, "huitong");
    const office = await signIn(browser, base, "admin");
    const project = await leader.firstLink("/projects", /^\/projects\/(?!export)[^/?]+$/);
    const bulletin = await leader.firstLink("/periods", /^\/periods\/\d{4}-\d{2}\/bulletin$/);
    const form = await county.firstLink("/monthly-report", /^\/monthly-report\/[^/?]+\?month=\d{4}-\d{2}$/);
    pages.push(
      { label: "驾驶舱", role: "leader", path: "/", cookie: leader.cookie },
      { label: "项目页", role: "leader", path: project, cookie: leader.cookie },
      { label: "月度填报表单", role: "huitong", path: form, cookie: county.cookie },
      { label: "审核", role: "admin", path: "/review", cookie: office.cookie },
      { label: "月度通报", role: "leader", path: bulletin, cookie: leader.cookie },
    );
    await Promise.all([leader.close(), county.close(), office.close()]);
  } finally {
    await browser.close();
  }

  /** `--pages 驾驶舱,审核`: only those (labels as printed) */
  const only = arg("pages", "").split(",").filter(Boolean);
  if (only.length) pages.splice(0, pages.length, ...pages.filter((p) => only.includes(p.label)));
  const results: LighthouseRow[] = [];
  const loadStart = os.loadavg();
  console.log(
    `Lighthouse ${LIGHTHOUSE}, mobile (default throttling), ${runs} run(s) per page, median; ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}\n`,
  );
  for (const p of pages) {
    const samples: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const name = `${p.label}-${i + 1}.json`;
      samples.push(await lighthouseRetried(`${base}${p.path}`, p.cookie, dir, keep ? path.join(keep, name) : path.join(dir, name)));
    }
    const m = (f: (r: Run) => number) => median(samples.map(f));
    const row: LighthouseRow = {
      label: p.label,
      role: p.role,
      path: p.path,
      performance: m((r) => r.performance),
      performanceRuns: samples.map((r) => r.performance),
      accessibility: m((r) => r.accessibility),
      fcp: Math.round(m((r) => r.metrics.fcp)),
      lcp: Math.round(m((r) => r.metrics.lcp)),
      tbt: Math.round(m((r) => r.metrics.tbt)),
      cls: Number(m((r) => r.metrics.cls).toFixed(3)),
      si: Math.round(m((r) => r.metrics.si)),
      benchmarkIndex: Math.round(m((r) => r.benchmarkIndex)),
      failedA11y: [...new Set(samples.flatMap((r) => r.failedA11y))],
      opportunities: samples[samples.length - 1].opportunities,
    };
    results.push(row);
    console.error(`${p.label} ${p.path}: ${row.performanceRuns.join("/")} · ${row.accessibility}${row.failedA11y.length ? ` · ${row.failedA11y.join("; ")}` : ""}`);
  }
  const record: LighthouseResult = {
    lighthouse: LIGHTHOUSE,
    at: new Date().toISOString(),
    commit: gitCommit(),
    runs,
    loadStart,
    loadEnd: os.loadavg(),
    results,
  };
  console.log(lighthouseMarkdown(record).join("\n"));
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(record, null, 2));
  if (process.argv.includes("--record")) recordResults(record);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
