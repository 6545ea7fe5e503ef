// A stand-in for runtime/serve.mjs in tests/integration/supervise.test.ts: an HTTP server on PORT
// that reports ready over IPC like the real one and stops the same way (runtime/http-shutdown.mjs).
//   GET /slow      answers after 1.5 s (a request in flight)
//   GET /crash     exits with code 3
//   GET /oom       writes V8's out-of-memory lines to stderr and aborts
// FAIL_BEFORE_READY=1: exits at once with code 2, never ready.
import http from "node:http";
import { gracefulClose } from "../../runtime/http-shutdown.mjs";

if (process.env.FAIL_BEFORE_READY === "1") process.exit(2);
const server = http.createServer((req, res) => {
  if (req.url === "/slow") return void setTimeout(() => res.end("slow done"), 1500);
  if (req.url === "/crash") return process.exit(3);
  if (req.url === "/oom") {
    process.stderr.write("<--- Last few GCs --->\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n");
    return process.abort();
  }
  res.end(`pid ${process.pid}`);
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.({ ready: true }));
const stop = async () => {
  await gracefulClose(server, { graceMs: 5000 });
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("disconnect", stop);
