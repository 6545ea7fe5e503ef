// Next.js calls register() once when the server starts. Only for the benchmark
// (BENCH_SQL_STATS=1): give every request its own SQL counters (src/server/db/sql-stats.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.BENCH_SQL_STATS === "1") {
    const { installRequestScopes } = await import("./server/db/sql-stats");
    installRequestScopes();
  }
}
