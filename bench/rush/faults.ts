// The faults injected mid-rush: kill -9 of one app server (runtime/start.ts, which supervises it,
// starts it again), and a restart of PostgreSQL (announced to the other sessions on this machine
// in /work/wt/PG-RESTART-NOTICE first: their tests see a few seconds of refused connections).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Client } from "./http";
import { healthy, servingPid, sleep, type AppServer } from "./servers";

export type KillResult = {
  at: number;
  pid: number;
  port: number;
  inFlight: number;
  inFlightByKind: Record<string, number>;
  /** the supervisor's new server answered /api/health (ms after the kill), or null */
  backAfterMs: number | null;
};

export async function killServer(client: Client, server: AppServer): Promise<KillResult> {
  const pid = servingPid(server.child.pid!);
  if (pid === null) throw new Error("no serving process to kill");
  const flying = client.inFlightNow();
  const at = performance.now();
  process.kill(pid, "SIGKILL");
  const inFlightByKind: Record<string, number> = {};
  for (const f of flying) inFlightByKind[f.kind] = (inFlightByKind[f.kind] ?? 0) + 1;
  let backAfterMs: number | null = null;
  const deadline = Date.now() + 120_000;
  await sleep(200);
  while (Date.now() < deadline) {
    const now = servingPid(server.child.pid!);
    if (now !== null && now !== pid && (await healthy(server.port, 1000))) {
      backAfterMs = performance.now() - at;
      break;
    }
    await sleep(250);
  }
  return { at, pid, port: server.port, inFlight: flying.length, inFlightByKind, backAfterMs };
}

export type PgRestartResult = {
  at: number;
  /** the restart command returned (ms after it began) */
  commandMs: number;
  /** PostgreSQL accepted a connection again (ms after the restart began) */
  databaseBackMs: number | null;
  /** the app, through nginx, answered /api/health with the database reachable (ms after the database was back) */
  appBackAfterDatabaseMs: number | null;
  /** each app server, asked on its own port (ms after the database was back) */
  serversBackAfterDatabaseMs: Array<number | null>;
  inFlight: number;
  error: string | null;
};

export const PG_NOTICE = "/work/wt/PG-RESTART-NOTICE";

/** The restart is announced to the other users of a shared machine (PG_NOTICE) where that folder exists; elsewhere there is no one to tell. */
function notice(how: "write" | "append", text: string): void {
  if (!fs.existsSync(path.dirname(PG_NOTICE))) return;
  if (how === "write") fs.writeFileSync(PG_NOTICE, text);
  else fs.appendFileSync(PG_NOTICE, text);
}

async function databaseAnswers(serverUrl: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 1000 });
  c.on("error", () => {});
  try {
    await c.connect();
    await c.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

async function firstHealthy(port: number, from: number, deadline: number): Promise<number | null> {
  while (Date.now() < deadline) {
    if (await healthy(port, 2000)) return performance.now() - from;
    await sleep(100);
  }
  return null;
}

export async function restartPostgres(
  client: Client,
  serverUrl: string,
  nginxPort: number,
  appPorts: number[],
  cluster: { version: string; name: string },
): Promise<PgRestartResult> {
  const started = new Date();
  notice(
    "write",
    `${started.toISOString()} bench:rush (branch rush, npm run bench:rush) restarts PostgreSQL ${cluster.version}/${cluster.name} now ` +
      `(pg_ctlcluster --skip-systemctl-redirect ${cluster.version} ${cluster.name} restart): connections are refused for a few seconds. One restart per full run.\n`,
  );
  const inFlight = client.inFlightNow().length;
  const at = performance.now();
  const r = spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", cluster.version, cluster.name, "restart"], { encoding: "utf8", timeout: 120_000 });
  const commandMs = performance.now() - at;
  const error = r.status === 0 ? null : `pg_ctlcluster exited ${r.status}: ${(r.stderr || r.stdout || String(r.error ?? "")).trim().slice(0, 300)}`;
  let databaseBackMs: number | null = null;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (await databaseAnswers(serverUrl)) {
      databaseBackMs = performance.now() - at;
      break;
    }
    await sleep(100);
  }
  let appBackAfterDatabaseMs: number | null = null;
  let serversBackAfterDatabaseMs: Array<number | null> = appPorts.map(() => null);
  if (databaseBackMs !== null) {
    const back = at + databaseBackMs;
    [appBackAfterDatabaseMs, ...serversBackAfterDatabaseMs] = await Promise.all([nginxPort, ...appPorts].map((p) => firstHealthy(p, back, deadline)));
  }
  notice("append", `${new Date().toISOString()} PostgreSQL is back (restart finished; ${error ?? "ok"}).\n`);
  return { at, commandMs, databaseBackMs, appBackAfterDatabaseMs, serversBackAfterDatabaseMs, inFlight, error };
}
