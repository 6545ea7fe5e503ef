// The one way this project connects to PostgreSQL: a pg.Pool of CompatClients behind
// @prisma/adapter-pg. Used by the app, the Prisma CLI (prisma.config.ts), scripts and tests.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { CompatClient, releaseFailedTransactions, sendScriptsWhole } from "./pg-compat";
import { instrumentAdapter, sqlStatsEnabled } from "./sql-stats";

export type PoolOptions = {
  /** For short-lived commands (the Prisma CLI): let the process exit while connections are idle. */
  allowExitOnIdle?: boolean;
  /** The connection class (tests pass a CompatClient whose connection they can cut). */
  Client?: typeof CompatClient;
};

export function createPool(connectionString: string, max = 10, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, Client: CompatClient, connectionTimeoutMillis: 10_000, ...options });
  // An idle connection dropped by the server (restart, outage) must not crash the process;
  // the pool replaces it on the next query.
  pool.on("error", (err) => console.warn(`[db] idle connection closed: ${err.message}`));
  return pool;
}

class CompatPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = releaseFailedTransactions(sendScriptsWhole(await super.connect()));
    // BENCH_SQL_STATS=1 (benchmark only): count each request's statements and their time
    return sqlStatsEnabled() ? instrumentAdapter(adapter) : adapter;
  }
}

export function createAdapter(connectionString: string, max = 10, options: PoolOptions = {}): PrismaPg {
  return adapterOnPool(createPool(connectionString, max, options));
}

/** The adapter over a pool made by createPool (which it closes on disconnect). */
export function adapterOnPool(pool: pg.Pool): PrismaPg {
  return new CompatPrismaPg(pool, { disposeExternalPool: true });
}
