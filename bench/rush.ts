// npm run bench:rush [-- --duration 240] [--users-per-park 3] [--reviewers 4] [--leaders 50] [--pool 32]
//                       [--app-port 3530] [--nginx-port 8030] [--no-faults] [--keep-db] [--scale 100]
// The deadline day (issue 20, item 2), from one command, on PostgreSQL (DATABASE_URL, else
// 127.0.0.1:5432): a copy of the scale-100 synthetic dataset in a database of its own
// (bench_rush_<time>, dropped afterwards), two app servers started as `npm start` starts one
// (built once), nginx in front of them, then the month's reporting over --duration seconds by the
// county parks' accounts, the office approving in parallel, leaders reading, the office publishing
// at the end. Mid-rush, one app server is killed (kill -9) and PostgreSQL restarted. Afterwards the
// data is checked against what the clients were told. Results: bench/results.json (key "rush")
// and bench/RESULTS.md ("Deadline-day rush"). Not part of npm test; take timed runs under
// `flock /work/wt/bench.lock`. See docs/benchmark.md.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { Prisma } from "@/generated/prisma/client";
import { figureUpToSql } from "@/domain/counted-revision";
import { createPrismaClient } from "../src/server/db/client";
import { createUser } from "../src/server/users/service";
import { bootstrapUserSchema } from "../src/lib/schemas/user";
import { SYNTH_PASSWORD } from "./synth/generate";
import { login } from "./login";
import { actionIds } from "./uploads";
import { checkData } from "./rush/checks";
import { createRunDatabase, dropRunDatabase } from "./rush/dataset";
import { killServer, restartPostgres, type KillResult, type PgRestartResult } from "./rush/faults";
import { Client, Recorder } from "./rush/http";
import { inWindows, kindStats, p95Of, rushMarkdown, type RushResult } from "./rush/report";
import { gitCommit } from "./common";
import { databaseSampler, memorySampler, sleep, startAppServer, startNginx, type AppServer, type Nginx } from "./rush/servers";
import { countyMember, leader, publish, reviewer, type Account, type Ledger, type ProjectTask } from "./rush/workload";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const HOST = "127.0.0.1";
const MONTH = "2026-12";
/** the business date of the rush: the deadline day */
const TODAY = "2026-12-05";
const ACCOUNT_PASSWORD = "Rush-bench-2026!";
const RESULTS_JSON = path.resolve("bench", "results.json");
const LOG_DIR = path.resolve("bench", ".work");

const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** A small real site photo (a gradient with some grain), as a phone's picture scaled down. */
async function sitePhoto(): Promise<Buffer> {
  const w = 640;
  const h = 480;
  const raw = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      const grain = Math.floor(Math.random() * 24);
      raw[i] = (x * 255) / w / 2 + 60 + grain;
      raw[i + 1] = (y * 255) / h / 2 + 70 + grain;
      raw[i + 2] = 120 + grain;
    }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** What each listed project's county reports this month: 本月 about 1% of its 总投资, 累计 = the previous counted 累计 + 本月. */
async function projectTasks(url: string): Promise<{ tasks: ProjectTask[]; parks: number[] }> {
  const prisma = createPrismaClient(url, 2);
  try {
    const rows = await prisma.$queryRaw<Array<{ code: string; parkId: number; total: string; prev: string | null }>>(Prisma.sql`
      SELECT p.code, p."parkId", p."totalInvestment"::text AS total, prev."cumulativeInvestment"::text AS prev
        FROM "AnnualPlan" ap JOIN "AnnualPlanEntry" e ON e."planId" = ap.id JOIN "Project" p ON p.id = e."projectId"
        ${figureUpToSql({ alias: "prev", basis: "counted", before: MONTH })}
       WHERE ap.year = ${Number(MONTH.slice(0, 4))}
       ORDER BY p."parkId", p.code`);
    const cents = (s: string) => Math.round(Number(s) * 100);
    const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`;
    const tasks = rows.map((r) => {
      const total = cents(r.total);
      const prev = r.prev === null ? 0 : cents(r.prev);
      const month = Math.max(100, Math.round(total / 100));
      const cumulative = prev + month;
      return {
        code: r.code,
        parkId: r.parkId,
        monthInvestment: money(month),
        cumulative: money(cumulative),
        explanation: cumulative > total ? "超出部分为追加投资，已报批" : "",
      };
    });
    return { tasks, parks: [...new Set(rows.map((r) => r.parkId))] };
  } finally {
    await prisma.$disconnect();
  }
}

/** The rush's extra accounts, created by the app's own user creation (as `npm run user:create` does). */
async function createAccounts(url: string, parks: number[], opts: { usersPerPark: number; reviewers: number; leaders: number }) {
  const prisma = createPrismaClient(url, 2);
  const county: Array<{ username: string; password: string; parkId: number; index: number }> = [];
  const office: Array<{ username: string; password: string }> = [{ username: "bench-admin", password: SYNTH_PASSWORD }];
  const leaders: Array<{ username: string; password: string }> = [{ username: "bench-leader", password: SYNTH_PASSWORD }];
  const toCreate: Array<{ username: string; displayName: string; role: string; parkId?: string }> = [];
  try {
    const synthCounty = await prisma.user.findMany({ where: { role: "COUNTY", username: { startsWith: "bench-p" } }, select: { username: true, parkId: true } });
    const byPark = new Map(synthCounty.map((u) => [u.parkId!, u.username]));
    for (const parkId of parks) {
      for (let k = 0; k < opts.usersPerPark; k++) {
        if (k === 0 && byPark.has(parkId)) {
          county.push({ username: byPark.get(parkId)!, password: SYNTH_PASSWORD, parkId, index: k });
          continue;
        }
        const username = `rush-p${parkId}-${k + 1}`;
        toCreate.push({ username, displayName: `县区填报员${parkId}-${k + 1}`, role: "COUNTY", parkId: String(parkId) });
        county.push({ username, password: ACCOUNT_PASSWORD, parkId, index: k });
      }
    }
    for (let k = 2; k <= opts.reviewers; k++) {
      toCreate.push({ username: `rush-office-${k}`, displayName: `园区审核员${k}`, role: "ADMIN" });
      office.push({ username: `rush-office-${k}`, password: ACCOUNT_PASSWORD });
    }
    for (let k = 2; k <= opts.leaders; k++) {
      toCreate.push({ username: `rush-leader-${k}`, displayName: `领导${k}`, role: "LEADER" });
      leaders.push({ username: `rush-leader-${k}`, password: ACCOUNT_PASSWORD });
    }
    for (let i = 0; i < toCreate.length; i += 4) {
      await Promise.all(
        toCreate.slice(i, i + 4).map((u) => {
          const input = bootstrapUserSchema.parse({ ...u, password: ACCOUNT_PASSWORD });
          return createUser(prisma, null, input, { bootstrap: true, mustChangePassword: false });
        }),
      );
    }
  } finally {
    await prisma.$disconnect();
  }
  return { county, office, leaders, created: toCreate.length };
}

async function signIn(base: string, accounts: Array<{ username: string; password: string }>): Promise<Account[]> {
  const out: Account[] = new Array(accounts.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < accounts.length) {
        const i = next++;
        out[i] = { username: accounts[i].username, cookie: await login(base, accounts[i].username, accounts[i].password) };
      }
    }),
  );
  return out;
}

async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "240" },
      "users-per-park": { type: "string", default: "3" },
      reviewers: { type: "string", default: "4" },
      leaders: { type: "string", default: "50" },
      pool: { type: "string", default: "32" },
      "app-port": { type: "string", default: "3530" },
      "nginx-port": { type: "string", default: "8030" },
      scale: { type: "string", default: "100" },
      "no-faults": { type: "boolean", default: false },
      /** only the kill: for trying the bench out without disturbing the other users of PostgreSQL */
      "no-pg-restart": { type: "boolean", default: false },
      "keep-db": { type: "boolean", default: false },
      "pg-cluster": { type: "string", default: "15/main" },
      /** only the first N county parks report (a shorter trial); all by default */
      parks: { type: "string" },
    },
  });
  const duration = Number(values.duration);
  const usersPerPark = Number(values["users-per-park"]);
  const reviewers = Number(values.reviewers);
  const leaders = Number(values.leaders);
  const pool = Number(values.pool);
  const appPort = Number(values["app-port"]);
  const nginxPort = Number(values["nginx-port"]);
  const scale = Number(values.scale);
  const faults = !values["no-faults"];
  const [pgVersion, pgName] = values["pg-cluster"]!.split("/");
  if (!(duration >= 10 && usersPerPark >= 1 && reviewers >= 1 && leaders >= 1 && pool >= 4)) throw new Error("参数无效");
  const serverUrl = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  if (!/^postgres(ql)?:\/\/[^/]*@?(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(serverUrl)) throw new Error("只连接本机 (loopback) 的 PostgreSQL。");

  const began = performance.now();
  const loadStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
  log(`准备数据库（规模 ${scale} 的合成数据副本）…`);
  const db = await createRunDatabase(serverUrl, scale, log);
  log(`数据库 ${db.name}`);
  const servers: AppServer[] = [];
  let nginx: Nginx | null = null;
  /** ends the people's loops and the timers: called by `finally` whatever ended the run */
  let stopWork = () => {};
  // one bounded pool per role, recording into one place: the office and the leaders do not queue behind the counties' requests
  const recorder = new Recorder();
  const client = new Client(HOST, nginxPort, pool, recorder);
  const officeClient = new Client(HOST, nginxPort, 8, recorder);
  const leaderClient = new Client(HOST, nginxPort, 12, recorder);
  try {
    const all = await projectTasks(db.url);
    const parks = values.parks ? all.parks.slice(0, Number(values.parks)) : all.parks;
    const tasks = all.tasks.filter((t) => parks.includes(t.parkId));
    const accounts = await createAccounts(db.url, parks, { usersPerPark, reviewers, leaders });
    log(`${tasks.length} 个项目（${parks.length} 个县区园区）；新建账号 ${accounts.created} 个`);

    const env = { TRUST_PROXY: "1", BENCH_SQL_STATS: "1", APP_TODAY: TODAY };
    for (let i = 0; i < 2; i++) {
      // one after the other: the first start builds the app when its sources changed
      servers.push(await startAppServer({ port: appPort + i, databaseUrl: db.url, env, logDir: LOG_DIR, label: `rush-app-${i + 1}` }));
      log(`应用服务 ${i + 1}：http://${HOST}:${appPort + i}（日志 ${servers[i].log}）`);
    }
    nginx = await startNginx({ port: nginxPort, upstreams: servers.map((s) => s.port) });
    log(`nginx：http://${HOST}:${nginxPort}（${nginx.source}；${nginx.conf}）`);

    const base = `http://${HOST}:${nginxPort}`;
    log(`登录 ${accounts.county.length + accounts.office.length + accounts.leaders.length} 个账号…`);
    const county = await signIn(base, accounts.county);
    const office = await signIn(base, accounts.office);
    const leaderAccounts = await signIn(base, accounts.leaders);
    const ledger: Ledger = { acks: [], approvals: [], unknown: [], gaveUp: [] };
    const o = { client, ids: actionIds(), month: MONTH, ledger, photo: await sitePhoto() };
    const setupSeconds = Math.round((performance.now() - began) / 1000);

    // ------------------------------------------------------------ the rush
    const memory = memorySampler(servers);
    const dbSampler = databaseSampler(serverUrl, db.name);
    const t0 = performance.now();
    const spreadMs = duration * 1000;
    let hardStop = false;
    const stop = () => hardStop;
    const hardTimer = setTimeout(() => (hardStop = true), duration * 1000 + 360_000);
    const officeDeadline = t0 + duration * 1000 + 660_000;
    // Ctrl-C: the people stop, the servers and the database are cleaned up
    let interrupted = false;
    process.once("SIGINT", () => {
      interrupted = true;
      hardStop = true;
    });
    let countiesDone = false;
    let leadersStop = false;
    log(`开始：${county.length} 个县区账号、${office.length} 个审核账号、${leaderAccounts.length} 个领导账号，${duration} 秒`);

    const countyWork = Promise.all(
      county.map((who, i) => {
        const a = accounts.county[i];
        const mine = tasks.filter((t) => t.parkId === a.parkId).filter((_, j) => j % usersPerPark === a.index);
        return countyMember(o, who, mine, t0, spreadMs, stop);
      }),
    ).then(() => (countiesDone = true));
    const officeWork = Promise.all(
      office.map((who, k) =>
        reviewer(
          { ...o, client: officeClient },
          who,
          parks.filter((_, j) => j % office.length === k),
          () => countiesDone,
          // after the counties' time is up, the office still empties its queues (bounded too), so that the month can be published
          () => interrupted || performance.now() > officeDeadline,
        ),
      ),
    );
    const leaderWork = Promise.all(leaderAccounts.map((who) => leader({ ...o, client: leaderClient }, who, parks.length, () => leadersStop || hardStop)));
    // each piece of work is awaited below; one that fails early (a fault that throws, a county
    // loop that errs) must not end the process through an unhandled rejection before `finally` has
    // stopped the servers and nginx and dropped the run's database
    for (const work of [countyWork, officeWork, leaderWork]) work.catch(() => {});
    const progress = setInterval(() => {
      const done = new Set(ledger.acks.filter((a) => a.intent === "submit").map((a) => a.code)).size;
      const errors = client.samples.filter((s) => s.error);
      log(
        `  ${Math.round((performance.now() - t0) / 1000)} s：已提交 ${done}/${tasks.length}，已审核 ${ledger.approvals.length}，请求 ${client.samples.length}，出错 ${errors.length}，进行中 ${client.inFlightNow().length}` +
          (errors.length ? `（最近：${errors[errors.length - 1].kind}: ${errors[errors.length - 1].error}）` : ""),
      );
    }, 15_000);

    stopWork = () => {
      hardStop = true;
      leadersStop = true;
      clearInterval(progress);
      clearTimeout(hardTimer);
    };
    let kill: KillResult | null = null;
    let pgRestart: PgRestartResult | null = null;
    const faultWork = (async () => {
      if (!faults) return;
      await sleep(Math.max(0, t0 + spreadMs * 0.35 - performance.now()));
      if (hardStop) return;
      log(`故障一：kill -9 应用服务 2（端口 ${servers[1].port}）`);
      kill = await killServer(client, servers[1]);
      log(`  应用服务 2 由 runtime/start.ts 重新启动：${kill.backAfterMs === null ? "未恢复" : `${(kill.backAfterMs / 1000).toFixed(1)} 秒后可用`}`);
      await sleep(Math.max(0, t0 + spreadMs * 0.65 - performance.now()));
      if (hardStop || values["no-pg-restart"]) return;
      log(`故障二：重启 PostgreSQL`);
      pgRestart = await restartPostgres(
        client,
        serverUrl,
        nginxPort,
        servers.map((x) => x.port),
        { version: pgVersion, name: pgName },
      );
      log(
        `  数据库 ${pgRestart.databaseBackMs === null ? "未恢复" : `${(pgRestart.databaseBackMs / 1000).toFixed(1)} 秒后恢复`}；应用在数据库恢复后 ${pgRestart.appBackAfterDatabaseMs === null ? "—" : `${(pgRestart.appBackAfterDatabaseMs / 1000).toFixed(1)} 秒`}再次应答`,
      );
    })();
    faultWork.catch(() => {});

    await countyWork;
    log(`县区填报完成（${Math.round((performance.now() - t0) / 1000)} 秒）；等待审核完成…`);
    await officeWork;
    await faultWork;
    log("发布本月…");
    const published = await publish({ ...o, client: officeClient }, office[0]);
    log(`  ${published.ok ? published.message : `发布失败：${published.message}`}`);
    leadersStop = true;
    await leaderWork;
    clearInterval(progress);
    clearTimeout(hardTimer);
    const rushSeconds = Math.round((performance.now() - t0) / 1000);
    memory.stop();
    await dbSampler.stop();

    // ------------------------------------------------------------ figures and checks
    const windows: Array<[number, number]> = [];
    const killed = kill as KillResult | null;
    const restarted = pgRestart as PgRestartResult | null;
    if (killed) windows.push([killed.at, killed.at + 2000]);
    if (restarted) windows.push([restarted.at, restarted.at + (restarted.databaseBackMs ?? restarted.commandMs) + (restarted.appBackAfterDatabaseMs ?? 0) + 2000]);
    const samples = client.samples.filter((s) => s.start >= t0);
    const kinds = kindStats(samples, windows, rushSeconds);
    const outside = samples.filter((s) => !inWindows(s, windows));
    const errorsOutside = outside.filter((s) => s.error);
    const killFailed = killed ? samples.filter((s) => s.error && inWindows(s, [windows[0]])) : [];
    const failedByKind: Record<string, number> = {};
    for (const s of killFailed) failedByKind[s.kind] = (failedByKind[s.kind] ?? 0) + 1;
    const pgFailed = restarted ? samples.filter((s) => s.error && inWindows(s, [windows[windows.length - 1]])).length : 0;
    log("检查数据…");
    const checks = await checkData(db.url, MONTH, ledger).then(
      (r) => r.checks,
      (e: unknown) => [{ name: "checks", ok: false, detail: `the checks failed: ${(e as Error).message}` }],
    );
    const mem = memory.result();
    const dbr = dbSampler.result();
    const reads = samples.filter((s) => !s.write);
    const writes = samples.filter((s) => s.write);
    const readP95 = p95Of(reads);
    const writeP95 = p95Of(writes);
    const readP95Out = p95Of(outside.filter((s) => !s.write));
    const writeP95Out = p95Of(outside.filter((s) => s.write));
    const missing = { name: "", ok: false, detail: "not checked" };
    const lost = checks.find((c) => c.name.startsWith("revisions")) ?? missing;
    const dup = checks.find((c) => c.name === "no duplicates") ?? missing;
    const cpu = os.cpus();
    const result: RushResult = {
      date: new Date().toISOString(),
      commit: gitCommit(),
      machine: `${cpu.length} cores (${cpu[0]?.model.trim() ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
      loadAverage: { start: loadStart, end: os.loadavg().map((x) => Math.round(x * 100) / 100) },
      options: { duration, usersPerPark, reviewers, leaders, pool, faults, pgRestart: faults && !values["no-pg-restart"], scale },
      nginxConfig: nginx.source,
      month: MONTH,
      accounts: { county: county.length, office: office.length, leaders: leaderAccounts.length },
      projects: tasks.length,
      rushSeconds,
      setupSeconds,
      kinds,
      overall: {
        reads: { p95Ms: readP95, requests: reads.length },
        writes: { p95Ms: writeP95, requests: writes.length },
        readsOutside: { p95Ms: readP95Out },
        writesOutside: { p95Ms: writeP95Out },
      },
      errors: {
        total: samples.filter((s) => s.error).length,
        outsideFaults: errorsOutside.length,
        examplesOutside: [...new Set(errorsOutside.map((s) => `${s.kind}: ${s.error}`))].slice(0, 5),
      },
      memory: { maxMB: mem.maxMB, lastMB: mem.lastMB },
      database: { maxConnections: dbr.maxConnections, maxActive: dbr.maxActive, slowest: dbr.slowest },
      faults: {
        kill: killed
          ? { ...killed, at: Math.round(killed.at - t0), failed: killFailed.length, failedStartedBefore: killFailed.filter((s) => s.start < killed.at).length, failedByKind }
          : null,
        pgRestart: restarted ? { ...restarted, at: Math.round(restarted.at - t0), failed: pgFailed } : null,
        windows: windows.map(([a, b]) => [Math.round(a - t0), Math.round(b - t0)]),
      },
      publish: published,
      checks,
      ledger: { acks: ledger.acks.length, approvals: ledger.approvals.length, unknown: ledger.unknown.length, gaveUp: ledger.gaveUp.length },
      targets: [
        { name: "reads p95 < 500 ms", ok: readP95 !== null && readP95 < 500, value: `${readP95} ms (outside the fault windows ${readP95Out} ms)` },
        { name: "writes p95 < 1 s", ok: writeP95 !== null && writeP95 < 1000, value: `${writeP95} ms (outside the fault windows ${writeP95Out} ms)` },
        { name: "0 errors outside the fault windows", ok: errorsOutside.length === 0, value: String(errorsOutside.length) },
        { name: "0 lost or duplicated writes", ok: lost.ok && dup.ok, value: `${lost.detail}; ${dup.detail}` },
        { name: "each app server < 300 MB", ok: mem.maxMB.every((m) => m < 300), value: `${mem.maxMB.join(" MB, ")} MB` },
        ...(killed
          ? [
              {
                name: "kill -9: failed requests at most those in flight",
                ok: killFailed.length <= killed.inFlight && killFailed.every((s) => s.start < killed.at),
                value: `${killFailed.length} failed, ${killed.inFlight} in flight`,
              },
            ]
          : []),
        ...(restarted
          ? [
              {
                name: "app answers within 5 s of the database",
                ok: restarted.appBackAfterDatabaseMs !== null && restarted.appBackAfterDatabaseMs < 5000,
                value: `${restarted.appBackAfterDatabaseMs === null ? "—" : (restarted.appBackAfterDatabaseMs / 1000).toFixed(1)} s`,
              },
            ]
          : []),
        { name: "the month published", ok: published.ok, value: published.message },
      ],
    };
    for (const line of rushMarkdown(result)) console.log(line);
    if (interrupted) throw new Error("中断：结果未写入 bench/results.json");
    const previous = fs.existsSync(RESULTS_JSON) ? (JSON.parse(fs.readFileSync(RESULTS_JSON, "utf8")) as Record<string, unknown>) : {};
    fs.writeFileSync(RESULTS_JSON, JSON.stringify({ ...previous, rush: result }, null, 2) + "\n");
    // bench/run.ts renders the whole RESULTS.md from results.json, the rush's section included
    execFileSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "bench/run.ts", "--render-only"], { stdio: "inherit" });
    log(`已写入 bench/RESULTS.md 与 bench/results.json`);
    if (ledger.gaveUp.length) log(`未完成的项目：${ledger.gaveUp.length}（${ledger.gaveUp.slice(0, 10).join(", ")}）`);
  } finally {
    stopWork();
    client.close();
    officeClient.close();
    leaderClient.close();
    await nginx?.stop();
    for (const s of servers) await s.stop();
    if (values["keep-db"]) log(`保留数据库 ${db.name}`);
    else await dropRunDatabase(serverUrl, db.name).catch((e) => log(`删除数据库失败：${(e as Error).message}`));
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
