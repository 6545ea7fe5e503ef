// Next.js calls register() once when the server starts, in the server's own process.
// - The request gate (src/server/http/request-gate.ts) is handed to the app's HTTP server
//   (runtime/serve.mjs), which runs it on every request before Next.js reads the body.
// - Only for the benchmark (BENCH_SQL_STATS=1): every request gets its own SQL counters
//   (src/server/db/sql-stats.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installRequestGate } = await import("./server/http/install-gate");
  installRequestGate();
  if (process.env.BENCH_SQL_STATS === "1") {
    const { installRequestScopes } = await import("./server/db/sql-stats");
    installRequestScopes();
  }
}
