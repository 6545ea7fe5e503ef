// The rush's figures: per kind of request, latency percentiles, throughput and errors (inside and
// outside the fault windows), and the Markdown section of bench/RESULTS.md.
import type { CheckResult } from "./checks";
import type { KillResult, PgRestartResult } from "./faults";
import type { Sample } from "./http";
import type { StatementSeen } from "./servers";

export type KindStats = {
  kind: string;
  write: boolean;
  requests: number;
  errors: number;
  errorsOutsideFaults: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  perSecond: number;
  sqlStatements: number | null;
  errorExamples: string[];
};

export type RushResult = {
  date: string;
  commit: string;
  machine: string;
  loadAverage: { start: number[]; end: number[] };
  options: Record<string, number | string | boolean>;
  nginxConfig: string;
  month: string;
  accounts: { county: number; office: number; leaders: number };
  projects: number;
  rushSeconds: number;
  setupSeconds: number;
  kinds: KindStats[];
  /** percentiles over all reads / all writes, whole rush and outside the fault windows */
  overall: {
    reads: { p95Ms: number | null; requests: number };
    writes: { p95Ms: number | null; requests: number };
    readsOutside: { p95Ms: number | null };
    writesOutside: { p95Ms: number | null };
  };
  errors: { total: number; outsideFaults: number; examplesOutside: string[] };
  memory: { maxMB: number[]; lastMB: number[] };
  database: { maxConnections: number; maxActive: number; slowest: StatementSeen[] };
  faults: {
    kill: (KillResult & { failed: number; failedStartedBefore: number; failedByKind: Record<string, number> }) | null;
    pgRestart: (PgRestartResult & { failed: number }) | null;
    windows: Array<[number, number]>;
  };
  publish: { ok: boolean; message: string; ms: number | null };
  checks: CheckResult[];
  ledger: { acks: number; approvals: number; unknown: number; gaveUp: number };
  targets: Array<{ name: string; ok: boolean; value: string }>;
};

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null);
const r1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

export function inWindows(s: Sample, windows: Array<[number, number]>): boolean {
  return windows.some(([a, b]) => s.start <= b && s.end >= a);
}

export function kindStats(samples: Sample[], windows: Array<[number, number]>, seconds: number): KindStats[] {
  const kinds = new Map<string, Sample[]>();
  for (const s of samples) kinds.set(s.kind, [...(kinds.get(s.kind) ?? []), s]);
  return [...kinds.entries()].map(([kind, list]) => {
    const ok = list.filter((s) => !s.error);
    const ms = ok.map((s) => s.end - s.start).sort((a, b) => a - b);
    const sql = list.map((s) => s.sqlQueries).filter((q): q is number => q !== null);
    const errs = list.filter((s) => s.error);
    return {
      kind,
      write: list[0].write,
      requests: list.length,
      errors: errs.length,
      errorsOutsideFaults: errs.filter((s) => !inWindows(s, windows)).length,
      p50Ms: r1(pct(ms, 50)),
      p95Ms: r1(pct(ms, 95)),
      p99Ms: r1(pct(ms, 99)),
      perSecond: Math.round((list.length / seconds) * 100) / 100,
      sqlStatements: sql.length ? [...sql].sort((a, b) => a - b)[Math.floor(sql.length / 2)] : null,
      errorExamples: [...new Set(errs.map((s) => s.error!))].slice(0, 3),
    };
  });
}

export function p95Of(samples: Sample[]): number | null {
  return r1(
    pct(
      samples
        .filter((s) => !s.error)
        .map((s) => s.end - s.start)
        .sort((a, b) => a - b),
      95,
    ),
  );
}

const f = (x: number | null, unit = "") => (x === null ? "—" : `${x}${unit}`);
const esc = (s: string) => s.replace(/\|/g, "\\|");

export function rushMarkdown(r: RushResult | undefined): string[] {
  if (!r) return [];
  const lines = [
    "## Deadline-day rush (`npm run bench:rush`)",
    "",
    `bench/rush.ts, ${r.date.slice(0, 16).replace("T", " ")} UTC, commit \`${r.commit}\`; ${r.machine}; load average (1/5/15 min) ${r.loadAverage.start.join(" / ")} at the start, ${r.loadAverage.end.join(" / ")} at the end.`,
    `Scale-100 dataset on PostgreSQL (a copy made for the run), two app servers (\`npm start\`, TRUST_PROXY=1, BENCH_SQL_STATS=1) behind nginx (${r.nginxConfig}).`,
    `The month ${r.month}: ${r.accounts.county} county accounts (${r.options.usersPerPark} per county park) save and submit ${r.projects} projects' reports (a photo for one in ten), ${r.accounts.office} office accounts review and approve, ${r.accounts.leaders} leaders read; client pool ${r.options.pool} connections; the rush took ${r.rushSeconds} s (${r.options.duration} s asked for the counties' reporting), setup ${r.setupSeconds} s.`,
    "",
    "| request | n | errors (outside faults) | p50 ms | p95 ms | p99 ms | req/s | SQL statements |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const k of [...r.kinds].sort((a, b) => Number(a.write) - Number(b.write) || a.kind.localeCompare(b.kind))) {
    lines.push(
      `| ${k.write ? "write" : "read"}: ${esc(k.kind)} | ${k.requests} | ${k.errors} (${k.errorsOutsideFaults}) | ${f(k.p50Ms)} | ${f(k.p95Ms)} | ${f(k.p99Ms)} | ${k.perSecond} | ${f(k.sqlStatements)} |`,
    );
  }
  lines.push(
    "",
    `All reads: p95 ${f(r.overall.reads.p95Ms, " ms")} over ${r.overall.reads.requests} (outside the fault windows ${f(r.overall.readsOutside.p95Ms, " ms")}); all writes: p95 ${f(r.overall.writes.p95Ms, " ms")} over ${r.overall.writes.requests} (outside ${f(r.overall.writesOutside.p95Ms, " ms")}). Latency is measured on answered requests; errors are counted apart.`,
    `Errors: ${r.errors.total}, of which ${r.errors.outsideFaults} outside the fault windows${r.errors.examplesOutside.length ? ` (${esc(r.errors.examplesOutside.join("; "))})` : ""}.`,
    `App servers' resident memory (VmRSS of runtime/serve.mjs, sampled every 0.5 s): max ${r.memory.maxMB.join(" MB and ")} MB; at the end ${r.memory.lastMB.join(" / ")} MB.`,
    `Database: at most ${r.database.maxConnections} connections to the run's database (pg_stat_activity, sampled every 0.25 s), at most ${r.database.maxActive} running a statement at once.`,
    "",
  );
  const k = r.faults.kill;
  if (k) {
    lines.push(
      `**kill -9 of one app server** (port ${k.port}) ${Math.round(k.at / 1000)} s into the run: ${k.inFlight} requests were in flight (on both servers) at that instant; ${k.failed} failed around it, ${k.failedStartedBefore} of them sent before the kill${
        Object.keys(k.failedByKind).length
          ? ` (${esc(
              Object.entries(k.failedByKind)
                .map(([a, b]) => `${a}: ${b}`)
                .join(", "),
            )})`
          : ""
      }. ` +
        `runtime/start.ts started the server again: it answered /api/health ${k.backAfterMs === null ? "— (not within 2 min)" : `${(k.backAfterMs / 1000).toFixed(1)} s`} after the kill.`,
      "",
    );
  }
  const p = r.faults.pgRestart;
  if (p) {
    lines.push(
      `**PostgreSQL restart** (\`pg_ctlcluster … restart\`): the command took ${(p.commandMs / 1000).toFixed(1)} s, the database accepted connections ${p.databaseBackMs === null ? "—" : `${(p.databaseBackMs / 1000).toFixed(1)} s`} after it began; the app answered again through nginx ${p.appBackAfterDatabaseMs === null ? "— (not within 2 min)" : `${(p.appBackAfterDatabaseMs / 1000).toFixed(1)} s`} after the database was back (target 5 s; each app server on its own port: ${(p.serversBackAfterDatabaseMs ?? []).map((x) => (x === null ? "—" : `${(x / 1000).toFixed(1)} s`)).join(", ")}). ${p.inFlight} requests were in flight when it began; ${p.failed} requests failed in its window.${p.error ? ` ${esc(p.error)}` : ""}`,
      "",
    );
  }
  lines.push(
    `Publishing the month at the end: ${r.publish.ok ? `${f(r.publish.ms === null ? null : Math.round(r.publish.ms), " ms")} — ${r.publish.message}` : `failed: ${r.publish.message}`}`,
    "",
  );
  lines.push("Checks on the data afterwards:", "");
  for (const c of r.checks) lines.push(`- ${c.ok ? "✓" : "✗"} ${c.name}: ${esc(c.detail)}`);
  lines.push("", "Targets:", "");
  for (const t of r.targets) lines.push(`- ${t.ok ? "✓" : "✗"} ${t.name}: ${t.value}`);
  lines.push("", "Slowest statements seen running (pg_stat_activity samples; pg_stat_statements is not loaded on this server):", "");
  lines.push("| longest seen running, ms | times seen | statement |", "| ---: | ---: | --- |");
  for (const s of r.database.slowest) lines.push(`| ${Math.round(s.maxMs)} | ${s.seen} | \`${esc(s.query.slice(0, 160))}\` |`);
  lines.push("");
  return lines;
}
