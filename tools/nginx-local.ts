// Runs the committed nginx site (deploy/nginx/park-projects.conf) as a private nginx instance, for
// tests, benchmarks and trying the multi-server deployment on one machine: its own prefix in a
// temporary folder, its own port, the app servers' ports given — never the system's nginx.
//
//   npx tsx tools/nginx-local.ts --listen 8020 --upstream 3520,3521          # runs until Ctrl+C
//   npx tsx tools/nginx-local.ts --listen 8020 --upstream 3520,3521 --check  # nginx -t only
//
// From code: `const nginx = await startLocalNginx({ listen: 8020, upstreams: [3520, 3521] })`, then
// `nginx.url`, `await nginx.stop()`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
export const SITE_FILE = path.resolve(import.meta.dirname, "..", "deploy", "nginx", "park-projects.conf");

export type LocalNginxOptions = { listen: number; upstreams: number[]; host?: string; /** where the site's own logs go (the instance's prefix) */ logDir?: string };

/** The site file with its port and upstream servers replaced (everything else as committed). */
export function localSite(o: LocalNginxOptions, site = fs.readFileSync(SITE_FILE, "utf8")): string {
  const host = o.host ?? "127.0.0.1";
  const servers = [...site.matchAll(/^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;\n/gm)];
  if (servers.length < 1 || !/^\s*listen 80;$/m.test(site)) throw new Error(`${SITE_FILE}: upstream servers or "listen 80;" not found`);
  const [indent, params] = [servers[0][1], servers[0][2] ?? ""];
  const lines = o.upstreams.map((p) => `${indent}server 127.0.0.1:${p}${params};\n`).join("");
  const start = servers[0].index!;
  const last = servers[servers.length - 1];
  return (site.slice(0, start) + lines + site.slice(last.index! + last[0].length))
    .replace(/^(\s*)listen 80;$/m, `$1listen ${host}:${o.listen};`)
    .replace(/^\s*listen \[::\]:80;\n/m, "")
    .replace(/\/var\/log\/nginx\//g, `${o.logDir ?? "/var/log/nginx"}/`);
}

/** A whole nginx.conf for a private instance in `prefix` with the site inside. */
export function localMainConf(prefix: string, site: string): string {
  return [
    "worker_processes 1;",
    `pid ${prefix}/nginx.pid;`,
    `error_log ${prefix}/error.log warn;`,
    "events { worker_connections 1024; }",
    "http {",
    "  include /etc/nginx/mime.types;",
    "  default_type application/octet-stream;",
    `  access_log ${prefix}/access.log;`,
    `  client_body_temp_path ${prefix}/client_body;`,
    `  proxy_temp_path ${prefix}/proxy;`,
    `  fastcgi_temp_path ${prefix}/fastcgi;`,
    `  uwsgi_temp_path ${prefix}/uwsgi;`,
    `  scgi_temp_path ${prefix}/scgi;`,
    site,
    "}",
    "",
  ].join("\n");
}

/** Writes the instance's files; returns its prefix and config path. */
export function prepareLocalNginx(o: LocalNginxOptions) {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "ppt-nginx-"));
  // started as root, nginx's workers run as "nobody": they must reach the temporary folders (a
  // request body larger than client_body_buffer_size is written there) and the logs
  fs.chmodSync(prefix, 0o755);
  const conf = path.join(prefix, "nginx.conf");
  fs.writeFileSync(conf, localMainConf(prefix, localSite({ ...o, logDir: o.logDir ?? prefix })));
  return { prefix, conf };
}

/** `nginx -t` on the configuration: throws with nginx's own message when it is refused. */
export function checkNginxConf(prefix: string, conf: string): string {
  const r = spawnSync(NGINX, ["-t", "-p", prefix, "-c", conf], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`nginx -t failed:\n${r.stderr}${r.stdout}`);
  return r.stderr.trim();
}

function waitForPort(port: number, host: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const s = net.connect(port, host);
      s.once("connect", () => {
        s.destroy();
        resolve();
      });
      s.once("error", () => {
        s.destroy();
        if (Date.now() > until) reject(new Error(`nginx did not listen on ${host}:${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

export type LocalNginx = { url: string; prefix: string; pid: number; process: ChildProcess; stop(): Promise<void> };

/** Checks and starts a private nginx in the foreground of a child process. */
export async function startLocalNginx(o: LocalNginxOptions): Promise<LocalNginx> {
  const host = o.host ?? "127.0.0.1";
  const { prefix, conf } = prepareLocalNginx(o);
  checkNginxConf(prefix, conf);
  const child = spawn(NGINX, ["-p", prefix, "-c", conf, "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await Promise.race([waitForPort(o.listen, host, 10_000), exited.then(() => Promise.reject(new Error(`nginx exited; see ${prefix}/error.log`)))]);
  return {
    url: `http://${host}:${o.listen}`,
    prefix,
    pid: child.pid!,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGQUIT"); // graceful: finishes requests in flight
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      }
    },
  };
}

async function main() {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const listen = Number(arg("listen") ?? 8080);
  const upstreams = (arg("upstream") ?? "3001,3002").split(",").map(Number);
  if (!Number.isInteger(listen) || upstreams.some((p) => !Number.isInteger(p) || p <= 0)) {
    throw new Error("usage: tools/nginx-local.ts --listen <port> --upstream <port>,<port> [--check]");
  }
  if (process.argv.includes("--check")) {
    const { prefix, conf } = prepareLocalNginx({ listen, upstreams });
    console.log(checkNginxConf(prefix, conf));
    console.log(`configuration: ${conf}`);
    return;
  }
  const nginx = await startLocalNginx({ listen, upstreams });
  console.log(`nginx (pid ${nginx.pid}) at ${nginx.url} → ${upstreams.map((p) => `127.0.0.1:${p}`).join(", ")}; logs in ${nginx.prefix}`);
  const stop = () => void nginx.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
