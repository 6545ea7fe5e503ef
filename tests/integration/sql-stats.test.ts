// BENCH_SQL_STATS=1: each request's statements are counted in its own scope and reported as
// x-sql-queries / x-sql-ms — as trailers when the response was streamed before the queries ran.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/server/db/client";
import { installRequestScopes, withSqlStats } from "@/server/db/sql-stats";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

type Reply = { headers: http.IncomingHttpHeaders; trailers: NodeJS.Dict<string>; body: string };

function get(port: number, path: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, agent: false }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ headers: res.headers, trailers: res.trailers, body }));
      })
      .on("error", reject);
  });
}

describe("SQL statistics per request (BENCH_SQL_STATS=1)", () => {
  let database: TestDatabase;
  let prisma: Db;
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.BENCH_SQL_STATS = "1";
    // the adapter connects (and is instrumented) on the first query
    prisma = createPrismaClient(database.url, 4);
    await prisma.$queryRaw`SELECT 1`;
    delete process.env.BENCH_SQL_STATS;
    installRequestScopes();
    server = http.createServer(async (req, res) => {
      const n = Number(new URL(req.url!, "http://x").searchParams.get("n"));
      if (req.url!.startsWith("/streamed")) {
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("shell ");
        await new Promise((r) => setTimeout(r, 5));
      }
      // statements in sequence, in parallel and in a transaction all count in this request
      for (let i = 0; i < n; i++) await prisma.park.count();
      await Promise.all([prisma.user.count(), prisma.project.count()]);
      await prisma.$transaction(async (tx) => void (await tx.issue.count()));
      res.end("done");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await prisma.$disconnect();
    await database.drop();
  });

  it("counts each request's own statements, concurrent requests apart", async () => {
    const [a, b] = await Promise.all([get(port, "/whole?n=1"), get(port, "/whole?n=5")]);
    // n counts + 2 parallel counts + the transaction's count and COMMIT (its BEGIN is sent before it is counted)
    expect(Number(a.headers["x-sql-queries"])).toBe(1 + 2 + 2);
    expect(Number(b.headers["x-sql-queries"])).toBe(5 + 2 + 2);
    expect(Number(b.headers["x-sql-ms"])).toBeGreaterThan(0);
  });

  it("sends the final totals as trailers when the headers went out first", async () => {
    const reply = await get(port, "/streamed?n=2");
    expect(reply.body).toBe("shell done");
    expect(reply.headers["x-sql-queries"]).toBe("0");
    expect(Number(reply.trailers["x-sql-queries"])).toBe(2 + 2 + 2);
  });

  it("counts nothing outside a request scope, and only in the scope a statement was issued from", async () => {
    const stats = { queries: 0, ms: 0 };
    await prisma.park.count();
    // (a Prisma query runs when awaited, so await it inside the scope)
    await withSqlStats(stats, async () => await prisma.park.count());
    expect(stats.queries).toBe(1);
  });
});
