// App servers of a test file's own, as `npm start` (runtime/start.ts) serves them, on one throwaway
// database (tests/helpers/empty-db.ts): for journeys that must not share the suite's database (two
// servers behind a load balancer; a journey that publishes a month another journey starts from
// unreported). Ports are E2E_PORT + the offsets given. PostgreSQL: the servers start at the same
// moment (migrations and the seed run once, under the start-up lock). Embedded: an in-memory
// database served on a socket, the servers started one after the other (PGlite's one session has no
// lock to wait on).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createEmptyDatabase } from "../helpers/empty-db";

export type OwnServers = {
  /** http://127.0.0.1:port of each server */
  bases: string[];
  /** what each server printed last (up to 20,000 characters) */
  logs: string[];
  stop(): Promise<void>;
};

export async function startOwnServers(portOffsets: number[], extraEnv: Record<string, string> = {}): Promise<OwnServers> {
  const ports = portOffsets.map((o) => Number(process.env.E2E_PORT || 3100) + o);
  const bases = ports.map((p) => `http://127.0.0.1:${p}`);
  const logs = ports.map(() => "");
  const servers: ChildProcess[] = [];
  const database = await createEmptyDatabase();
  const embedded = database.engine === "embedded";

  const start = (which: number) => {
    const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "runtime/start.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PORT: String(ports[which]),
        DEMO_DATA: "false",
        DEMO_ACCOUNTS: "true",
        NEXT_TELEMETRY_DISABLED: "1",
        // behind nginx the servers trust one proxy; here the browser is their TCP peer
        TRUST_PROXY: "0",
        ...(embedded ? { DATABASE_POOL_MAX: "8" } : {}),
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const keep = (d: Buffer) => void (logs[which] = (logs[which] + d.toString("utf8")).slice(-20_000));
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    servers[which] = child;
  };

  const healthy = async (which: number) => {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${bases[which]}/api/health`)).ok) return;
      } catch {
        // not listening yet: try again
      }
      const server = servers[which];
      if (i > 120 || (server && server.exitCode !== null)) throw new Error(`app server ${bases[which]} did not start:\n${logs[which].slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  };

  const stop = async () => {
    for (const server of servers) {
      if (!server?.pid) continue;
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // the process group has already exited
      }
    }
    await Promise.all(servers.map((s) => new Promise((r) => (s.exitCode !== null || s.signalCode !== null ? r(null) : s.once("exit", r)))));
    await database.drop();
  };

  try {
    if (embedded) {
      for (const which of ports.keys()) {
        start(which);
        await healthy(which);
      }
    } else {
      ports.forEach((_, which) => start(which));
      await Promise.all(ports.map((_, which) => healthy(which)));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { bases, logs, stop };
}
