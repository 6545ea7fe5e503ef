// The app's HTTP server (started and watched over by runtime/start.ts): Next.js behind a plain Node
// server that
// - runs the request gate first (src/server/http/request-gate.ts, registered by
//   src/instrumentation.ts): bodies bounded per route before they are read, server actions
//   without a session refused, uploads a few at a time;
// - with MAX_ACTIVE_REQUESTS set (off by default), handles at most that many requests at once, the others in order after them;
// - passes on the TCP peer's address in a header a client cannot set (any copy the client sent is
//   removed first; src/server/http/client-address.ts reads it; forwarded headers count only with
//   TRUST_PROXY);
// - stops gracefully on SIGTERM/SIGINT, or when start.ts is gone: no new connections, requests in
//   flight finish, a request arriving on a connection already open is answered and its connection
//   closed (at most SHUTDOWN_GRACE_SECONDS, default 10; runtime/http-shutdown.mjs), then it exits.
import http from "node:http";
import { gracefulClose, KEEP_ALIVE_MS } from "./http-shutdown.mjs";
import { requestTurns } from "./request-turns.mjs";

const PEER_HEADER = "x-ppt-peer-address";
const GATE_KEY = Symbol.for("ppt.requestGate");
const dev = process.argv.includes("--dev");
// as `next start` / `next dev` would (React's production build, no development checks)
process.env.NODE_ENV ||= dev ? "development" : "production";
const { default: next } = await import("next");
const port = Number(process.env.PORT || 3000);
const graceMs = Number(process.env.SHUTDOWN_GRACE_SECONDS || 10) * 1000;

const app = next({ dev, dir: process.cwd(), port });
const handle = app.getRequestHandler();
await app.prepare();
if (!dev) {
  // Next.js would run src/instrumentation.ts on the first request; the gate must be there before it
  const { ensureInstrumentationRegistered } = await import("next/dist/server/lib/router-utils/instrumentation-globals.external.js");
  await ensureInstrumentationRegistered(process.cwd(), ".next");
  if (typeof globalThis[GATE_KEY] !== "function") {
    console.error("请求检查未能加载（src/instrumentation.ts），服务不启动。");
    process.exit(1);
  }
}
// (the development server registers it on its first request; until then requests pass unchecked)
const gate = (req, res, pass, options) => (globalThis[GATE_KEY] ? globalThis[GATE_KEY](req, res, pass, options) : pass());

// MAX_ACTIVE_REQUESTS (unset or 0: no limit): at most that many requests at once; the others wait
// their turn (runtime/request-turns.mjs). Off by default: a turn is held while a request's body is
// read, so without a proxy that buffers bodies (nginx does) a few slow clients could hold them all.
const maxActive = Math.floor(Number(process.env.MAX_ACTIVE_REQUESTS) || 0);
const turns = maxActive > 0 ? requestTurns(maxActive) : null;

let stopping = false;
const onRequest = (expectContinue) => (req, res) => (turns ? turns.admit(req, res, () => handleRequest(expectContinue, req, res)) : handleRequest(expectContinue, req, res));
function handleRequest(expectContinue, req, res) {
  delete req.headers[PEER_HEADER];
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_HEADER] = peer;
  if (stopping) res.setHeader("connection", "close");
  // Once answered, a request lets go of what its readers attached to it. Next.js leaves the body
  // parser's listeners on the request, and long-lived objects (a database transaction log, a
  // timer, a cached import) keep the request's async context — hence the request — reachable:
  // every upload's files stayed in memory (bench/RESULTS.md, "uploads").
  res.once("close", () => {
    req.removeAllListeners();
    req.on("error", () => {});
  });
  gate(
    req,
    res,
    () =>
      handle(req, res).catch((e) => {
        console.error("[server] unexpected error", e);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      }),
    { expectContinue },
  );
}
const server = http.createServer(onRequest(false));
server.keepAliveTimeout = KEEP_ALIVE_MS;
// a client that asks before sending its body (Expect: 100-continue) is answered before it sends it
server.on("checkContinue", onRequest(true));
if (dev) {
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
}
server.listen(port, () => {
  console.log(`已启动：http://localhost:${port}`);
  process.send?.({ ready: true });
});

async function stop(reason) {
  if (stopping) return;
  stopping = true;
  console.log(`正在停止应用服务（${reason}）：不再接受新的连接，等待进行中的请求完成…`);
  if ((await gracefulClose(server, { graceMs })) === "timeout") {
    console.log(`等待超过 ${graceMs / 1000} 秒，仍未完成的请求被中断。`);
  }
  await Promise.resolve(app.close?.()).catch(() => {});
  process.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => void stop(signal));
// started by runtime/start.ts over an IPC channel: when that process is gone, so is the database
process.on("disconnect", () => void stop("启动进程已退出"));
