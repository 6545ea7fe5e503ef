// The app's HTTP server (started by scripts/start.ts): Next.js behind a plain Node server whose
// only job is to pass on the TCP peer's address in a header a client cannot set (any copy the
// client sent is removed first). src/server/http/client-address.ts reads it; forwarded headers
// count only with TRUST_PROXY.
import http from "node:http";

const PEER_HEADER = "x-ppt-peer-address";
const dev = process.argv.includes("--dev");
// as `next start` / `next dev` would (React's production build, no development checks)
process.env.NODE_ENV ||= dev ? "development" : "production";
const { default: next } = await import("next");
const port = Number(process.env.PORT || 3000);

const app = next({ dev, dir: process.cwd(), port });
const handle = app.getRequestHandler();
await app.prepare();
const server = http.createServer((req, res) => {
  delete req.headers[PEER_HEADER];
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_HEADER] = peer;
  handle(req, res).catch((e) => {
    console.error("[server] unexpected error", e);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
if (dev) {
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
}
server.listen(port, () => console.log(`已启动：http://localhost:${port}`));
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close();
    void app.close?.().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
