// Opt-in SQL accounting for the benchmark (BENCH_SQL_STATS=1, off by default): every HTTP
// request runs in an AsyncLocalStorage scope; each statement the Prisma adapter sends counts
// in the scope it was issued from, with its duration. The totals go out as the response
// headers x-sql-queries / x-sql-ms (what had run when the headers were sent) and, for streamed
// (chunked) responses, as HTTP trailers of the same names with the final totals.
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";

export type SqlStats = { queries: number; ms: number };

const g = globalThis as unknown as { __sqlStats?: AsyncLocalStorage<SqlStats>; __sqlStatsServer?: boolean };

/** one storage per process, shared by every bundle that imports this module */
function storage(): AsyncLocalStorage<SqlStats> {
  g.__sqlStats ??= new AsyncLocalStorage<SqlStats>();
  return g.__sqlStats;
}

export function sqlStatsEnabled(): boolean {
  return process.env.BENCH_SQL_STATS === "1";
}

/** Runs `fn` with its own counters (what a request gets). */
export function withSqlStats<T>(stats: SqlStats, fn: () => T): T {
  return storage().run(stats, fn);
}

type Queryable = { performIO(query: unknown): Promise<unknown> };

/** Counts the statements of an adapter-pg queryable (the adapter or a transaction). */
function countStatements(q: Queryable) {
  const original = q.performIO.bind(q);
  q.performIO = (query: unknown) => {
    const stats = storage().getStore();
    if (!stats) return original(query);
    const start = performance.now();
    return original(query).finally(() => {
      stats.queries++;
      stats.ms += performance.now() - start;
    });
  };
}

/** Instruments a connected adapter-pg driver adapter and the transactions it starts. */
export function instrumentAdapter<T extends object>(adapter: T): T {
  const a = adapter as unknown as Queryable & { startTransaction(...args: unknown[]): Promise<Queryable> };
  countStatements(a);
  const start = a.startTransaction.bind(a);
  a.startTransaction = async (...args: unknown[]) => {
    const tx = await start(...args);
    countStatements(tx);
    return tx;
  };
  return adapter;
}

/** Gives each request of every http.Server in this process its own counters. */
export function installRequestScopes(): void {
  if (g.__sqlStatsServer) return;
  g.__sqlStatsServer = true;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return emit.call(this, event, ...args);
    const res = args[1] as http.ServerResponse;
    const stats: SqlStats = { queries: 0, ms: 0 };
    const values = () => ({ "x-sql-queries": String(stats.queries), "x-sql-ms": stats.ms.toFixed(1) });
    const writeHead = res.writeHead;
    res.writeHead = function (this: http.ServerResponse, ...a: unknown[]) {
      if (!this.headersSent) for (const [k, v] of Object.entries(values())) this.setHeader(k, v);
      return (writeHead as (...x: unknown[]) => http.ServerResponse).apply(this, a);
    } as typeof res.writeHead;
    const end = res.end;
    res.end = function (this: http.ServerResponse, ...a: unknown[]) {
      if (this.headersSent && (this as unknown as { chunkedEncoding?: boolean }).chunkedEncoding) this.addTrailers(values());
      return (end as (...x: unknown[]) => http.ServerResponse).apply(this, a);
    } as typeof res.end;
    return storage().run(stats, () => emit.call(this, event, ...args));
  } as typeof http.Server.prototype.emit;
}
