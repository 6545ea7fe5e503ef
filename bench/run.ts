// npm run bench [-- --engine pg|embedded] [--scale N] [--samples 30] [--port 3131] [--uploads] [--publish-only]
// For each target (PostgreSQL at scales 1 and 100, the embedded database at scales 1 and 10):
// makes sure its synthetic dataset exists (npm run db:synth), starts the production app on it
// with `npm start` (runtime/start.ts: builds once when the sources changed) and
// BENCH_SQL_STATS=1, signs in through the login form, and measures each page: latency
// (p50/p95 of sequential requests after warm-up), throughput at 8 concurrent requests, SQL
// statements and SQL time per request, HTML bytes, the page's client JavaScript (gzip), and the
// server's peak memory. Publishing a period is timed through publishFigures. Results go to
// bench/results.json (merged per target) and bench/RESULTS.md. Loopback only; every loop is
// bounded in count and time. Not part of npm test.
// --uploads: instead, the server's memory under photo uploads and oversized requests
// (bench/uploads.ts), on the scale-1 dataset of the engine given (embedded by default).
// --publish-only: only publishing, on the PostgreSQL targets (no server, no pages); its line replaces
// the target's publishing line in the results, the pages stay as last measured.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import { createPrismaClient } from "../src/server/db/client";
import { synthPlan, SYNTH_PASSWORD } from "./synth/generate";
import { publishFigures } from "../src/server/figures/publish";
import { dataFolderPassword } from "../src/server/db/embedded-auth";
import { embeddedTarget, ensureSynth, postgresTarget, type SynthTarget } from "./synth/target";
import { measureUploads, servingPid, uploadsMarkdown, type UploadsResult } from "./uploads";
import { lighthouseMarkdown, type LighthouseResult } from "./lighthouse-results";
import { descendants, gitCommit } from "./common";
import { login as loginAt } from "./login";
import { rushMarkdown, type RushResult } from "./rush/report";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const HOST = "127.0.0.1";
const RESULTS_JSON = path.resolve("bench", "results.json");
const RESULTS_MD = path.resolve("bench", "RESULTS.md");
const LOG_DIR = path.resolve("bench", ".work");

type Engine = "pg" | "embedded";
type TargetSpec = { engine: Engine; scale: number };
const DEFAULT_TARGETS: TargetSpec[] = [
  { engine: "pg", scale: 1 },
  { engine: "pg", scale: 100 },
  { engine: "embedded", scale: 1 },
  { engine: "embedded", scale: 10 },
];

export type RouteResult = {
  name: string;
  path: string;
  status: number | null;
  samples: number;
  p50Ms: number | null;
  p95Ms: number | null;
  throughputRps: number | null;
  concurrency: number | null;
  sqlQueries: number | null;
  sqlMs: number | null;
  htmlBytes: number | null;
  jsGzipBytes: number | null;
  notes: string[];
};

export type TargetResult = {
  engine: Engine;
  scale: number;
  projects: number;
  parks: number;
  months: number;
  issues: number;
  synthSeconds: number | null;
  routes: RouteResult[];
  publish: { month: string; runs: number; p50Ms: number | null; maxMs: number | null; projects: number | null; notes: string[] };
  /** Excel: the 调度表 export of the newest published month and an import of every project's row (bench/excel.ts) */
  excel?: ExcelResult;
  memory: { nextServerPeakMB: number | null; treePeakMB: number | null; notes: string[] };
  startedAt: string;
  durationSeconds: number;
  /** the commit measured (the app was built from it) */
  commit: string;
  /** 1-minute load average when the target started and ended: other work on the machine skews the numbers */
  loadAverage?: [number, number];
};

type ExcelResult = {
  export?: { month: string; projects: number; ms: number; kb: number };
  import?: { month: string; rows: number; changes: number; kb: number; previewMs: number; applyMs: number };
  error?: string;
};

type Results = {
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; platform: string };
  date: string;
  commit: string;
  targets: TargetResult[];
  uploads?: UploadsResult;
  /** written by bench/lighthouse.ts --record; kept as it is by every run here */
  lighthouse?: LighthouseResult;
  /** npm run bench:rush (bench/rush.ts) */
  rush?: RushResult;
};

// ---------------------------------------------------------------- HTTP

type Reply = { status: number; ms: number; bytes: number; body: string; headers: http.IncomingHttpHeaders; trailers: NodeJS.Dict<string> };

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function request(port: number, urlPath: string, cookie: string, timeoutMs: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.request({ host: HOST, port, path: urlPath, method: "GET", agent, headers: { cookie, "user-agent": "ppt-bench" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (d: Buffer) => chunks.push(d));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - start, bytes: body.length, body: body.toString("utf8"), headers: res.headers, trailers: res.trailers });
      });
      res.on("error", reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}

function sqlOf(reply: Reply): { queries: number | null; ms: number | null } {
  const q = reply.trailers["x-sql-queries"] ?? (reply.headers["x-sql-queries"] as string | undefined);
  const ms = reply.trailers["x-sql-ms"] ?? (reply.headers["x-sql-ms"] as string | undefined);
  return { queries: q === undefined ? null : Number(q), ms: ms === undefined ? null : Number(ms) };
}

// ---------------------------------------------------------------- client JavaScript of a page

const gzipCache = new Map<string, number>();
/**
 * gzip size of the JS chunks the page's HTML loads, read from the build output (.next/static).
 * `nomodule` scripts (Next's legacy polyfills) are left out: browsers that run modules never
 * download them.
 */
function clientJsGzip(html: string): number | null {
  const files = new Set<string>();
  for (const m of html.matchAll(/<script([^>]*)\ssrc="([^"]+\.js)[^"]*"[^>]*>/g)) if (!/nomodule/i.test(m[0])) files.add(m[2]);
  for (const m of html.matchAll(/<link[^>]*rel="(?:preload|modulepreload)"[^>]*as="script"[^>]*href="([^"]+\.js)[^"]*"|<link[^>]*href="([^"]+\.js)[^"]*"[^>]*as="script"/g))
    files.add(m[1] ?? m[2]);
  let total = 0;
  let found = 0;
  for (const src of files) {
    const rel = src.replace(/^\/_next\//, "");
    if (rel === src) continue;
    const file = path.resolve(".next", decodeURIComponent(rel));
    if (!gzipCache.has(file)) {
      if (!fs.existsSync(file)) continue;
      gzipCache.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length);
    }
    total += gzipCache.get(file)!;
    found++;
  }
  return found ? total : null;
}

// ---------------------------------------------------------------- server process and memory

function status(pid: number): { hwmKB: number; cmd: string } | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    return { hwmKB: Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] ?? 0), cmd };
  } catch {
    return null;
  }
}

function memory(root: number): TargetResult["memory"] {
  let tree = 0;
  let next: number | null = null;
  for (const pid of descendants(root)) {
    const s = status(pid);
    if (!s) continue;
    tree += s.hwmKB;
    if (/next-server|next\/dist\/bin\/next|next start|serve\.mjs/.test(s.cmd)) next = Math.max(next ?? 0, s.hwmKB);
  }
  return {
    nextServerPeakMB: next === null ? null : Math.round(next / 1024),
    treePeakMB: Math.round(tree / 1024),
    notes: ["VmHWM (peak resident memory) from /proc; tree = sum over npm start's processes (for the embedded engine it includes PGlite)"],
  };
}

type Server = { child: ChildProcess; log: string; stop(): Promise<void>; embeddedUrl: string | null };

async function startServer(target: SynthTarget, port: number, label: string): Promise<Server> {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `server-${label}.log`);
  const out = fs.openSync(logFile, "w");
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), BENCH_SQL_STATS: "1", SEED_ON_START: "false", NEXT_TELEMETRY_DISABLED: "1" };
  if (target.engine === "postgres") env.DATABASE_URL = target.url;
  else {
    delete env.DATABASE_URL;
    env.DATA_DIR = target.dataDir;
  }
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "runtime/start.ts"], { env, stdio: ["ignore", out, out], detached: true });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }, 15_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 15 * 60_000; // the first start builds the app
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`服务启动失败，见 ${logFile}`);
    try {
      const res = await fetch(`http://${HOST}:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) {
        const text = fs.readFileSync(logFile, "utf8");
        const embeddedPort = /本机端口 (\d+)/.exec(text)?.[1];
        return { child, log: logFile, stop, embeddedUrl: embeddedPort ? `postgresql://postgres:postgres@${HOST}:${embeddedPort}/postgres?sslmode=disable` : null };
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  await stop();
  throw new Error(`服务 15 分钟内未就绪，见 ${logFile}`);
}

// ---------------------------------------------------------------- measuring a page

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const median = (xs: number[]) =>
  xs.length
    ? percentile(
        [...xs].sort((a, b) => a - b),
        50,
      )
    : null;
const round = (x: number | null, places = 1) => (x === null ? null : Math.round(x * 10 ** places) / 10 ** places);

async function measureRoute(port: number, cookie: string, name: string, urlPath: string, opts: { samples: number; concurrency: number }): Promise<RouteResult> {
  const result: RouteResult = {
    name,
    path: urlPath,
    status: null,
    samples: 0,
    p50Ms: null,
    p95Ms: null,
    throughputRps: null,
    concurrency: null,
    sqlQueries: null,
    sqlMs: null,
    htmlBytes: null,
    jsGzipBytes: null,
    notes: [],
  };
  const timeout = 300_000;
  // warm-up
  let first: Reply;
  try {
    first = await request(port, urlPath, cookie, timeout);
  } catch (e) {
    result.notes.push(`请求失败：${(e as Error).message}`);
    return result;
  }
  result.status = first.status;
  if (first.status === 404) {
    result.notes.push("not available (404)");
    return result;
  }
  if (first.status >= 300) {
    result.notes.push(`HTTP ${first.status}${first.headers.location ? ` → ${first.headers.location}` : ""}`);
    return result;
  }
  result.htmlBytes = first.bytes;
  result.jsGzipBytes = clientJsGzip(first.body);
  let warm = 1;
  if (first.ms < 5_000) {
    for (; warm < 3; warm++) await request(port, urlPath, cookie, timeout);
  }

  // sequential samples, fewer when the page is slow; at most 3 minutes per page
  let samples = opts.samples;
  if (first.ms > 30_000) samples = 2;
  else if (first.ms > 5_000) samples = 3;
  else if (first.ms > 1_000) samples = Math.min(samples, 10);
  if (samples < opts.samples) result.notes.push(`${samples} samples (warm-up request took ${(first.ms / 1000).toFixed(1)} s)`);
  const times: number[] = [];
  const queries: number[] = [];
  const sqlMs: number[] = [];
  const budgetEnd = Date.now() + 180_000;
  for (let i = 0; i < samples && Date.now() < budgetEnd; i++) {
    const r = await request(port, urlPath, cookie, timeout);
    if (r.status !== 200) {
      result.notes.push(`sample ${i + 1}: HTTP ${r.status}`);
      continue;
    }
    times.push(r.ms);
    const s = sqlOf(r);
    if (s.queries !== null) queries.push(s.queries);
    if (s.ms !== null) sqlMs.push(s.ms);
    result.htmlBytes = r.bytes;
  }
  if (times.length < samples) result.notes.push(`stopped after ${times.length} samples (3-minute budget)`);
  const sorted = [...times].sort((a, b) => a - b);
  result.samples = times.length;
  result.p50Ms = round(sorted.length ? percentile(sorted, 50) : null);
  result.p95Ms = round(sorted.length ? percentile(sorted, 95) : null);
  result.sqlQueries = median(queries);
  result.sqlMs = round(median(sqlMs));
  if (new Set(queries).size > 1) result.notes.push(`SQL statements varied ${Math.min(...queries)}–${Math.max(...queries)}`);

  // throughput: a fixed number of requests, `concurrency` at a time; skipped for very slow pages
  const p50 = result.p50Ms ?? Infinity;
  if (p50 > 5_000) {
    result.notes.push("throughput not measured (p50 > 5 s)");
    return result;
  }
  const total = p50 > 1_000 ? opts.concurrency * 2 : opts.concurrency * 5;
  let issued = 0;
  let done = 0;
  let failed = 0;
  const failures = new Map<string, number>();
  const fail = (why: string) => {
    failed++;
    failures.set(why, (failures.get(why) ?? 0) + 1);
  };
  const deadline = Date.now() + 120_000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (issued < total && Date.now() < deadline) {
        issued++;
        try {
          const r = await request(port, urlPath, cookie, timeout);
          if (r.status === 200) done++;
          else fail(`HTTP ${r.status}`);
        } catch (e) {
          fail((e as Error).message.slice(0, 60));
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  result.throughputRps = round(done / seconds, 2);
  result.concurrency = opts.concurrency;
  if (failed) result.notes.push(`${failed} of ${issued} concurrent requests failed (${[...failures].map(([w, n]) => `${n}× ${w}`).join(", ")})`);
  if (issued < total) result.notes.push(`throughput over ${issued} requests (2-minute budget)`);
  return result;
}

// ---------------------------------------------------------------- publishing a period

class Undo extends Error {}

async function measurePublish(url: string | null, month: string, projects: number, slow: boolean): Promise<TargetResult["publish"]> {
  const out: TargetResult["publish"] = { month, runs: 0, p50Ms: null, maxMs: null, projects: null, notes: [] };
  if (!url) {
    out.notes.push("not available (database address unknown)");
    return out;
  }
  const prisma = createPrismaClient(url, 2);
  const times: number[] = [];
  let flags: number | null = null;
  try {
    const runs = slow ? 3 : 5;
    for (let i = 0; i < runs; i++) {
      // what publishing does in its transaction, then rolled back: the dataset stays as it was
      await prisma
        .$transaction(
          async (tx) => {
            const t0 = performance.now();
            const r = await publishFigures(tx, { month, publishedById: null, asOfDate: `${month}-28` });
            times.push(performance.now() - t0);
            out.projects = r.projects;
            // the 数据质量 flags it stored (the checks run inside publishFigures)
            const [n] = await tx.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "PublicationQualityFlag" WHERE "publicationId" = ${r.publicationId}`;
            flags = n.n;
            throw new Undo();
          },
          { timeout: 600_000, maxWait: 30_000 },
        )
        .catch((e) => {
          if (!(e instanceof Undo)) throw e;
        });
    }
  } catch (e) {
    out.notes.push(`failed: ${(e as Error).message.split("\n")[0]}`);
  } finally {
    await prisma.$disconnect();
  }
  out.runs = times.length;
  out.p50Ms = round(median(times));
  out.maxMs = round(times.length ? Math.max(...times) : null);
  out.notes.push(
    `publishFigures (the computation publishing runs, 数据质量 checks included${flags === null ? "" : `: ${flags} flags stored`}) for the open month ${month} (all projects on the year's list), in a transaction rolled back afterwards; timed in the bench process`,
  );
  return out;
}

// ---------------------------------------------------------------- Excel export and import

/** Runs bench/excel.ts (server code needs the react-server condition) and reads its one JSON line. */
function measureExcel(url: string | null, openMonth: string): ExcelResult {
  if (!url) return { error: "not available (database address unknown)" };
  const [y, m] = openMonth.split("-").map(Number);
  const published = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  try {
    const out = execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/excel.ts", url, openMonth, published], {
      encoding: "utf8",
      timeout: 600_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(out.trim().split("\n").pop()!) as ExcelResult;
  } catch (e) {
    return { error: (e as Error).message.split("\n")[0] };
  }
}

// ---------------------------------------------------------------- the project page's project

/**
 * The project whose page is measured: the first one in production (投产) from the middle of the
 * list on. A page's statements depend on the project's stage (a project in production also reads
 * its benefits and 达产 node), so every scale measures a project of the same stage; the middle one's
 * stage is chance and made the counts differ between scales (37 vs 46 statements).
 */
async function benchProjectCode(url: string | null, projects: number): Promise<string> {
  const middle = `BENCH-${String(Math.ceil(projects / 2)).padStart(5, "0")}`;
  if (!url) return middle;
  const prisma = createPrismaClient(url, 1);
  try {
    const found =
      (await prisma.project.findFirst({ where: { status: "IN_PRODUCTION", code: { gte: middle } }, orderBy: { code: "asc" }, select: { code: true } })) ??
      (await prisma.project.findFirst({ where: { status: "IN_PRODUCTION" }, orderBy: { code: "asc" }, select: { code: true } }));
    return found?.code ?? middle;
  } finally {
    await prisma.$disconnect();
  }
}

// ---------------------------------------------------------------- one target

async function runTarget(spec: TargetSpec, port: number, opts: { samples: number; concurrency: number; serverUrl?: string }): Promise<TargetResult> {
  const began = Date.now();
  const loadAtStart = os.loadavg()[0];
  const plan = synthPlan({ scale: spec.scale });
  const target = spec.engine === "pg" ? postgresTarget({ scale: spec.scale, serverUrl: opts.serverUrl }) : embeddedTarget({ scale: spec.scale });
  const label = `${spec.engine}-s${spec.scale}`;
  console.log(`\n== ${label}: ${plan.projects} 个项目，${plan.months.length} 个月`);
  const ensured = await ensureSynth(target, { scale: spec.scale, log: (l) => console.log(l) });
  const synthSeconds = ensured.summary ? round(ensured.summary.seconds.total) : null;
  console.log(ensured.created ? `合成数据已写入（${synthSeconds} 秒）` : "合成数据已存在");

  const server = await startServer(target, port, label);
  console.log(`服务已启动：http://${HOST}:${port}（日志 ${server.log}）`);
  try {
    const cookie = await loginAt(`http://${HOST}:${port}`, "bench-admin", SYNTH_PASSWORD);
    // the embedded database answers only with its data folder's password (src/server/db/embedded-auth.ts)
    const dbUrl =
      target.engine === "postgres"
        ? target.url
        : (server.embeddedUrl?.replace("postgres:postgres@", `postgres:${encodeURIComponent(dataFolderPassword(target.dataDir))}@`) ?? null);
    const code = await benchProjectCode(dbUrl, plan.projects);
    const routes: Array<[string, string]> = [
      ["总览 overview", "/overview"],
      ["我的待办 to-do (office)", "/todo"],
      ["项目列表 project list (red, by rate, page 3)", "/projects?warning=red&sort=rate&dir=asc&page=3"],
      ["项目 project page", `/projects/${code}`],
      ["园区 park page", "/parks/1"],
      ["问题 /issues", "/issues"],
      ["审核 /review", "/review"],
      ["调度期进度 open period progress", `/periods/${plan.openMonth}`],
    ];
    const results: RouteResult[] = [];
    for (const [name, p] of routes) {
      const r = await measureRoute(port, cookie, name, p, opts);
      console.log(
        `  ${name}: p50 ${r.p50Ms ?? "—"} ms, p95 ${r.p95Ms ?? "—"} ms, ${r.throughputRps ?? "—"} req/s, SQL ${r.sqlQueries ?? "—"} / ${r.sqlMs ?? "—"} ms, HTML ${r.htmlBytes ?? "—"} B, JS ${r.jsGzipBytes ?? "—"} B gz ${r.notes.join("; ")}`,
      );
      results.push(r);
    }
    const mem = memory(server.child.pid!);
    const publish = await measurePublish(dbUrl, plan.openMonth, plan.projects, spec.scale >= 100);
    console.log(`  发布 publish: p50 ${publish.p50Ms ?? "—"} ms ${publish.notes.join("; ")}`);
    const excel = measureExcel(dbUrl, plan.openMonth);
    console.log(`  Excel: ${JSON.stringify(excel)}`);
    return {
      engine: spec.engine,
      scale: spec.scale,
      projects: plan.projects,
      parks: plan.parks,
      months: plan.months.length,
      issues: plan.issues,
      synthSeconds,
      routes: results,
      publish,
      excel,
      memory: mem,
      startedAt: new Date(began).toISOString(),
      durationSeconds: Math.round((Date.now() - began) / 1000),
      commit: gitCommit(),
      loadAverage: [round(loadAtStart, 2)!, round(os.loadavg()[0], 2)!],
    };
  } finally {
    await server.stop();
  }
}

async function runUploads(engine: Engine, port: number, serverUrl: string | undefined): Promise<UploadsResult> {
  const target = engine === "pg" ? postgresTarget({ scale: 1, serverUrl }) : embeddedTarget({ scale: 1 });
  await ensureSynth(target, { scale: 1, log: (l) => console.log(l) });
  const server = await startServer(target, port, `${engine}-uploads`);
  try {
    const cookie = await loginAt(`http://${HOST}:${port}`, "bench-p001", SYNTH_PASSWORD);
    const result = await measureUploads({ port, cookie, pid: servingPid(server.child.pid!, descendants), engine, commit: gitCommit() });
    console.log(JSON.stringify(result, null, 2));
    return result;
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------- report

function fmt(x: number | null, unit = ""): string {
  return x === null ? "—" : `${x}${unit}`;
}
const kb = (b: number | null) => (b === null ? "—" : `${(b / 1024).toFixed(1)}`);

function excelLine(x: ExcelResult | undefined): string {
  if (!x) return "Excel: not measured.";
  const parts: string[] = [];
  if (x.export) parts.push(`exporting the 调度表 of ${x.export.month} (${x.export.projects} projects, ${x.export.kb} KB): ${x.export.ms} ms`);
  if (x.import)
    parts.push(
      `importing ${x.import.rows} rows (${x.import.kb} KB) for ${x.import.month}: parse + check + preview ${x.import.previewMs} ms, apply ${x.import.applyMs} ms (${x.import.changes} revisions, rolled back)`,
    );
  if (x.error) parts.push(`failed: ${x.error}`);
  return `Excel (bench/excel.ts, in process): ${parts.join("; ")}.`;
}

export function renderMarkdown(results: Results): string {
  const lines = [
    "# Benchmark results",
    "",
    `Measured by \`npm run bench\` (bench/run.ts); last run ${results.date.slice(0, 16).replace("T", " ")} UTC on commit \`${results.commit}\`.`,
    `Machine: ${results.machine.cpus} cores (${results.machine.cpuModel}), ${results.machine.memoryGB} GB, Node ${results.machine.node}, ${results.machine.platform}.`,
    "",
    "How to read: p50/p95 are latencies of sequential requests after warm-up (full HTML received); req/s is throughput with 8 requests in flight;",
    "SQL is the median number of statements a request sent and the sum of their durations (the page's SQL floor);",
    "HTML is the uncompressed document; JS is the gzip size of the client JavaScript chunks the page loads (from .next/static).",
    "Targets (PostgreSQL, scale 100): every page p50 < 100 ms and within 3× its SQL time; scale 100 ≤ 2× scale 1; same statement count at every scale;",
    "publishing < 10 s; server memory < 300 MB; overview JS < 150 KB gzip; embedded scale 10: every page p50 < 200 ms.",
    "",
  ];
  const order = (t: TargetResult) => (t.engine === "pg" ? 0 : 1) * 1000 + t.scale;
  for (const t of [...results.targets].sort((a, b) => order(a) - order(b))) {
    lines.push(
      `## ${t.engine === "pg" ? "PostgreSQL" : "Embedded (PGlite)"}, scale ${t.scale}`,
      "",
      `${t.projects} projects in ${t.parks} county parks, ${t.months} months, ${t.issues} issues. Measured ${t.startedAt.slice(0, 16).replace("T", " ")} UTC in ${t.durationSeconds} s on commit \`${t.commit ?? "?"}\`` +
        (t.synthSeconds !== null ? `; dataset loaded in ${t.synthSeconds} s` : "") +
        (t.loadAverage ? `; machine load average ${t.loadAverage[0]} at start, ${t.loadAverage[1]} at end.` : "."),
      "",
      "| page | p50 ms | p95 ms | req/s @8 | SQL statements | SQL ms | HTML KB | JS KB gz | notes |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    );
    for (const r of t.routes) {
      lines.push(
        `| ${r.name} \`${r.path}\` | ${fmt(r.p50Ms)} | ${fmt(r.p95Ms)} | ${fmt(r.throughputRps)} | ${fmt(r.sqlQueries)} | ${fmt(r.sqlMs)} | ${kb(r.htmlBytes)} | ${kb(r.jsGzipBytes)} | ${r.notes.join("; ").replace(/\|/g, "\\|")} |`,
      );
    }
    lines.push(
      "",
      `Publishing a period (${t.publish.month}): ${t.publish.p50Ms === null ? "—" : `p50 ${t.publish.p50Ms} ms, max ${t.publish.maxMs} ms over ${t.publish.runs} runs, ${t.publish.projects} project figures`}. ${t.publish.notes.join("; ")}`,
      "",
      excelLine(t.excel),
      "",
      `Server peak memory: next-server ${fmt(t.memory.nextServerPeakMB, " MB")}, whole npm start process tree ${fmt(t.memory.treePeakMB, " MB")}.`,
      "",
    );
  }
  lines.push(...uploadsMarkdown(results.uploads));
  lines.push(...lighthouseMarkdown(results.lighthouse));
  lines.push(...rushMarkdown(results.rush));
  return lines.join("\n");
}

async function main() {
  const { values } = parseArgs({
    options: {
      engine: { type: "string" },
      scale: { type: "string" },
      samples: { type: "string", default: "30" },
      concurrency: { type: "string", default: "8" },
      port: { type: "string", default: "3131" },
      uploads: { type: "boolean", default: false },
      "publish-only": { type: "boolean", default: false },
      "render-only": { type: "boolean", default: false },
    },
  });
  if (values["render-only"]) {
    // bench/rush.ts wrote its key of results.json: RESULTS.md again from it, nothing measured
    fs.writeFileSync(RESULTS_MD, renderMarkdown(JSON.parse(fs.readFileSync(RESULTS_JSON, "utf8")) as Results));
    return;
  }
  const port = Number(values.port);
  if (!(port >= 1024 && port < 65536)) throw new Error("--port 无效");
  const engine = values.engine === "postgres" ? "pg" : values.engine;
  if (engine && engine !== "pg" && engine !== "embedded") throw new Error("--engine 须为 pg 或 embedded");
  let targets = DEFAULT_TARGETS.filter((t) => !engine || t.engine === engine);
  if (values.scale) targets = [...new Set(targets.map((t) => t.engine))].map((e) => ({ engine: e, scale: Number(values.scale) }));
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl && targets.some((t) => t.engine === "pg")) {
    console.log("未设置 DATABASE_URL：跳过 PostgreSQL 目标（例如 DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench）。");
    targets = targets.filter((t) => t.engine !== "pg");
  }
  if (serverUrl && !/^postgres(ql)?:\/\/[^/]*@?(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(serverUrl)) {
    throw new Error("基准测试只连接本机 (loopback) 的 PostgreSQL。");
  }
  const samples = Math.min(200, Math.max(3, Number(values.samples)));
  const concurrency = Math.min(32, Math.max(1, Number(values.concurrency)));

  const previous: Results | null = fs.existsSync(RESULTS_JSON) ? JSON.parse(fs.readFileSync(RESULTS_JSON, "utf8")) : null;
  const cpus = os.cpus();
  const results: Results = {
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? "?",
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    date: new Date().toISOString(),
    commit: gitCommit(),
    targets: previous?.targets ?? [],
    lighthouse: previous?.lighthouse,
  };
  if (values.uploads) {
    results.targets = previous?.targets ?? [];
    results.rush = previous?.rush;
    results.uploads = await runUploads(engine === "pg" ? "pg" : "embedded", port, serverUrl);
    fs.writeFileSync(RESULTS_JSON, JSON.stringify(results, null, 2) + "\n");
    fs.writeFileSync(RESULTS_MD, renderMarkdown(results));
    console.log(`已写入 ${path.relative(process.cwd(), RESULTS_MD)} 与 ${path.relative(process.cwd(), RESULTS_JSON)}`);
    agent.destroy();
    return;
  }
  results.uploads = previous?.uploads;
  results.rush = previous?.rush;
  if (values["publish-only"]) {
    // only publishing (PostgreSQL targets): its line replaces the target's publishing line, the pages stay as measured
    for (const spec of targets.filter((t) => t.engine === "pg")) {
      const plan = synthPlan({ scale: spec.scale });
      const target = postgresTarget({ scale: spec.scale, serverUrl });
      if (target.engine !== "postgres") continue;
      await ensureSynth(target, { scale: spec.scale, log: (l) => console.log(l) });
      const load = os.loadavg()[0];
      const publish = await measurePublish(target.url, plan.openMonth, plan.projects, spec.scale >= 100);
      publish.notes.push(
        `measured alone (--publish-only) ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on commit \`${gitCommit()}\`; machine load average ${round(load, 2)} at start, ${round(os.loadavg()[0], 2)} at end`,
      );
      console.log(`pg-s${spec.scale} 发布 publish: p50 ${publish.p50Ms ?? "—"} ms, max ${publish.maxMs ?? "—"} ms ${publish.notes.join("; ")}`);
      const t = results.targets.find((x) => x.engine === spec.engine && x.scale === spec.scale);
      if (!t) continue;
      t.publish = publish;
      fs.writeFileSync(RESULTS_JSON, JSON.stringify(results, null, 2) + "\n");
      fs.writeFileSync(RESULTS_MD, renderMarkdown(results));
      console.log(`已写入 ${path.relative(process.cwd(), RESULTS_MD)} 与 ${path.relative(process.cwd(), RESULTS_JSON)}`);
    }
    agent.destroy();
    return;
  }
  for (const spec of targets) {
    const t = await runTarget(spec, port, { samples, concurrency, serverUrl });
    results.targets = [...results.targets.filter((x) => !(x.engine === t.engine && x.scale === t.scale)), t];
    fs.mkdirSync(path.dirname(RESULTS_JSON), { recursive: true });
    fs.writeFileSync(RESULTS_JSON, JSON.stringify(results, null, 2) + "\n");
    fs.writeFileSync(RESULTS_MD, renderMarkdown(results));
    console.log(`已写入 ${path.relative(process.cwd(), RESULTS_MD)} 与 ${path.relative(process.cwd(), RESULTS_JSON)}`);
  }
  agent.destroy();
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
