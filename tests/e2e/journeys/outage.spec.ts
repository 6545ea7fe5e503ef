// A database outage: the pages say so in Chinese with a retry, and recover once the database is
// back, without restarting the server. A second app instance (on E2E_PORT + 50) reaches its own
// throwaway database (a ppt_test_* database on DATABASE_URL's server, or an in-memory embedded
// one) through a TCP proxy that the test cuts and restores.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createEmptyDatabase } from "../../helpers/empty-db";
import { DEMO_PASSWORD } from "../helpers";

const appPort = Number(process.env.E2E_PORT || 3100) + 50;
const base = `http://127.0.0.1:${appPort}`;

class Proxy {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  port = 0;
  constructor(private target: { host: string; port: number }) {}
  async start() {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      const end = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      this.sockets.add(client).add(upstream);
      client.on("error", end).on("close", end);
      upstream.on("error", end).on("close", end);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }
  async stop() {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(null)));
    this.server = null;
  }
}

test.describe.configure({ mode: "serial", timeout: 240_000 });

let app: ChildProcess | null = null;
let proxy: Proxy | null = null;
let cleanup = async () => {};

test.beforeAll(async () => {
  // starting a second app (build checked, migrations, seed) takes half a minute on a busy machine
  const database = await createEmptyDatabase();
  const url = new URL(database.url);
  cleanup = database.drop;
  proxy = new Proxy({ host: url.hostname, port: Number(url.port || 5432) });
  await proxy.start();
  url.host = `127.0.0.1:${proxy.port}`;
  app = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "runtime/start.ts"], {
    env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(appPort), DEMO_DATA: "false", DEMO_ACCOUNTS: "true", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet: try again
    }
    if (i > 90) throw new Error("the second app instance did not start");
    await new Promise((r) => setTimeout(r, 2000));
  }
});

test.afterAll(async () => {
  if (app?.pid) {
    try {
      process.kill(-app.pid, "SIGTERM");
    } catch {
      // the process group has already exited
    }
    await new Promise((r) => (app!.exitCode !== null ? r(null) : app!.once("exit", r)));
  }
  await proxy?.stop();
  await cleanup();
});

test("pages say the database is unreachable and recover on 重试 once it is back", async ({ page }) => {
  await page.goto(`${base}/login`);
  await page.getByLabel("用户名").fill("leader");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.goto(`${base}/projects`);
  await expect(page.getByTestId("projects-table").locator("tbody tr")).toHaveCount(4);

  await proxy!.stop();
  for (const [route, what] of [
    ["/", "概览"],
    ["/projects", "项目库"],
    ["/projects/YQ2024-001", "项目信息"],
    ["/parks/1", "园区信息"],
  ]) {
    await page.goto(`${base}${route}`);
    const alert = page.getByRole("alert").filter({ hasText: "暂时无法读取" });
    await expect(alert).toContainText(`暂时无法读取${what}`);
    await expect(alert).toContainText("数据库暂时无法连接");
    await expect(alert).not.toContainText("DriverAdapterError");
    await expect(page.getByRole("button", { name: "重试" })).toBeVisible();
  }

  await proxy!.start();
  await page.getByRole("button", { name: "重试" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("会同县园区");
  await expect(page.getByRole("alert").filter({ hasText: "暂时无法读取" })).toHaveCount(0);
  await page.goto(`${base}/`);
  await expect(page.getByTestId("annual-completed")).toHaveText("42.3亿元");
});
