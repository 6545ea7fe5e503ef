// The rush's processes: app servers started as bench/run.ts starts one (`npm start`, i.e.
// runtime/start.ts, which builds once and supervises runtime/serve.mjs: a killed server comes
// back by itself), nginx (Debian's binary, our own instance in a temporary directory, never the
// system one) in front of them, and the samplers of memory and database connections.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { descendants } from "../common";

const HOST = "127.0.0.1";
export const NGINX_BIN = "/usr/sbin/nginx";
/** the committed configuration (issue 20, item 1), when this branch has it */
const SHIPPED_CONF = path.resolve("deploy", "nginx", "park-projects.conf");

export type AppServer = { port: number; child: ChildProcess; log: string; stop(): Promise<void> };

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* gone */
  }
}

export async function startAppServer(opts: { port: number; databaseUrl: string; env: Record<string, string>; logDir: string; label: string }): Promise<AppServer> {
  fs.mkdirSync(opts.logDir, { recursive: true });
  const log = path.join(opts.logDir, `${opts.label}.log`);
  const out = fs.openSync(log, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...opts.env,
    PORT: String(opts.port),
    DATABASE_URL: opts.databaseUrl,
    SEED_ON_START: "false",
    NEXT_TELEMETRY_DISABLED: "1",
    // the recorded runs were measured with the request limit on (behind nginx, which buffers bodies)
    MAX_ACTIVE_REQUESTS: process.env.MAX_ACTIVE_REQUESTS ?? "8",
  };
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "runtime/start.ts"], { env, stdio: ["ignore", out, out], detached: true });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 20_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 15 * 60_000; // the first start builds the app
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`应用服务启动失败，见 ${log}`);
    if (await healthy(opts.port)) return { port: opts.port, child, log, stop };
    await sleep(1000);
  }
  await stop();
  throw new Error(`应用服务 15 分钟内未就绪，见 ${log}`);
}

export async function healthy(port: number, timeoutMs = 2000): Promise<boolean> {
  try {
    const res = await fetch(`http://${HOST}:${port}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.text();
    return res.ok;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- processes and memory

/** runtime/serve.mjs under an app server's runtime/start.ts, or null while there is none (restarting). */
export function servingPid(root: number): number | null {
  for (const pid of descendants(root)) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("runtime/serve.mjs")) return pid;
    } catch {
      /* gone */
    }
  }
  return null;
}

export function rssMB(pid: number): number | null {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples each app server's serving process (VmRSS) every `everyMs`. */
export function memorySampler(servers: AppServer[], everyMs = 500) {
  const max = servers.map(() => 0);
  const last = servers.map(() => 0);
  const series: Array<{ t: number; mb: Array<number | null> }> = [];
  const timer = setInterval(() => {
    const mb = servers.map((s, i) => {
      const pid = servingPid(s.child.pid!);
      const v = pid === null ? null : rssMB(pid);
      if (v !== null) {
        max[i] = Math.max(max[i], v);
        last[i] = v;
      }
      return v === null ? null : Math.round(v);
    });
    series.push({ t: performance.now(), mb });
  }, everyMs);
  return {
    stop: () => clearInterval(timer),
    result: () => ({ maxMB: max.map(Math.round), lastMB: last.map(Math.round), samples: series.length }),
  };
}

// ---------------------------------------------------------------- nginx

export type Nginx = { port: number; dir: string; conf: string; source: string; stop(): Promise<void> };

/** The shipped configuration with our ports, or (before it lands) a minimal one like it. */
export function nginxConfig(opts: { port: number; upstreams: number[]; dir: string }): { conf: string; source: string } {
  const servers = opts.upstreams.map((p) => `    server ${HOST}:${p} max_fails=2 fail_timeout=10s;`).join("\n");
  let site: string;
  let source: string;
  if (fs.existsSync(SHIPPED_CONF)) {
    source = path.relative(process.cwd(), SHIPPED_CONF);
    site = fs.readFileSync(SHIPPED_CONF, "utf8");
    // our ports: the upstream's server lines, the listen lines
    const lines = site.split("\n");
    const firstServer = lines.findIndex((l) => /^\s*server\s+[^\s{]+:\d+/.test(l));
    if (firstServer < 0) throw new Error(`${source}: no upstream server line`);
    site = [...lines.slice(0, firstServer).filter(() => true), servers, ...lines.slice(firstServer).filter((l) => !/^\s*server\s+[^\s{]+:\d+/.test(l))].join("\n");
    site = site
      .replace(/^\s*listen\s+\[::\][^;]*;\s*$/gm, "")
      .replace(/^(\s*)listen\s+[^;]*;/m, `$1listen ${HOST}:${opts.port};`)
      // the run's own log, in its folder (the format is the site's)
      .replace(/^(\s*)access_log\s+\S+/m, `$1access_log ${opts.dir}/access.log`);
  } else {
    source = "minimal configuration generated by bench/rush (deploy/nginx/park-projects.conf not on this branch yet)";
    site = `upstream park_projects {
${servers}
    keepalive 16;
    # below Node's 5 s keepAliveTimeout: nginx never reuses a connection the app server is closing
    # (else a POST on it fails with "connection reset" and is not retried)
    keepalive_timeout 4s;
}
server {
    listen ${HOST}:${opts.port};
    client_max_body_size 62m;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_next_upstream error timeout http_502 http_503;
    proxy_read_timeout 120s;
    proxy_buffering off;
    location / { proxy_pass http://park_projects; }
}`;
  }
  const conf = `# generated by bench/rush for one run (${source})
worker_processes 1;
pid ${opts.dir}/nginx.pid;
error_log ${opts.dir}/error.log warn;
events { worker_connections 1024; }
http {
    client_body_temp_path ${opts.dir}/body;
    proxy_temp_path ${opts.dir}/proxy;
    fastcgi_temp_path ${opts.dir}/fastcgi;
    uwsgi_temp_path ${opts.dir}/uwsgi;
    scgi_temp_path ${opts.dir}/scgi;
    # which app server answered (for the bench only)
    add_header X-Upstream $upstream_addr always;
${site}
}
`;
  return { conf, source };
}

export async function startNginx(opts: { port: number; upstreams: number[] }): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-rush-nginx-"));
  // nginx's workers run as another user (nobody): they buffer request bodies under this folder
  fs.chmodSync(dir, 0o755);
  const { conf, source } = nginxConfig({ ...opts, dir });
  const file = path.join(dir, "nginx.conf");
  fs.writeFileSync(file, conf);
  const test = spawnSync(NGINX_BIN, ["-p", dir, "-c", file, "-t"], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx 配置无效：${test.stderr}`);
  const run = spawnSync(NGINX_BIN, ["-p", dir, "-c", file], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`nginx 未能启动：${run.stderr}`);
  const pidFile = path.join(dir, "nginx.pid");
  for (let i = 0; i < 50 && !fs.existsSync(pidFile); i++) await sleep(100);
  const stop = async () => {
    if (!fs.existsSync(pidFile)) return;
    const pid = Number(fs.readFileSync(pidFile, "utf8").trim());
    try {
      process.kill(pid, "SIGQUIT");
    } catch {
      return;
    }
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await sleep(100);
    }
  };
  return { port: opts.port, dir, conf: file, source, stop };
}

// ---------------------------------------------------------------- the database

export type StatementSeen = { query: string; maxMs: number; seen: number };

/**
 * Samples pg_stat_activity every `everyMs`: the database's connections (max), and the statements
 * seen running, with the longest time each had been running when seen (pg_stat_statements is not
 * loaded on this server, and its configuration is not ours to change).
 */
export function databaseSampler(serverUrl: string, database: string, everyMs = 250) {
  let client: pg.Client | null = null;
  let connecting = false;
  let maxConnections = 0;
  let maxActive = 0;
  let samples = 0;
  const statements = new Map<string, StatementSeen>();
  const tick = async () => {
    if (!client) {
      if (connecting) return;
      connecting = true;
      const c = new pg.Client({ connectionString: serverUrl });
      c.on("error", () => {
        client = null;
      });
      try {
        await c.connect();
        client = c;
      } catch {
        /* the server is restarting */
      } finally {
        connecting = false;
      }
      return;
    }
    try {
      const { rows } = await client.query<{ state: string | null; query: string; ms: number | null }>(
        `SELECT state, query, (extract(epoch FROM clock_timestamp() - query_start) * 1000)::float8 AS ms
           FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [database],
      );
      samples++;
      maxConnections = Math.max(maxConnections, rows.length);
      const active = rows.filter((r) => r.state === "active");
      maxActive = Math.max(maxActive, active.length);
      for (const r of active) {
        const key = r.query.replace(/\s+/g, " ").trim().slice(0, 300);
        const s = statements.get(key) ?? { query: key, maxMs: 0, seen: 0 };
        s.seen++;
        s.maxMs = Math.max(s.maxMs, r.ms ?? 0);
        statements.set(key, s);
      }
    } catch {
      client?.end().catch(() => {});
      client = null;
    }
  };
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void tick().finally(() => (busy = false));
  }, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await client?.end().catch(() => {});
    },
    result: () => ({
      maxConnections,
      maxActive,
      samples,
      slowest: [...statements.values()].sort((a, b) => b.maxMs - a.maxMs).slice(0, 10),
    }),
  };
}
