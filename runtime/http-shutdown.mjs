// Stopping an HTTP server gracefully (runtime/serve.mjs): no new connections; connections already
// open are not cut — a reverse proxy (nginx) may be sending a request on a kept-alive one at this
// very moment, and a POST it had sent would not be sent again elsewhere — so a request arriving on
// one is still answered, with `Connection: close` (serve.mjs), and an idle one ends after
// KEEP_ALIVE_MS (nginx lets go of its idle connections a second earlier: deploy/nginx/). Requests
// in flight finish; after `graceMs` whatever is still open is cut. Resolves "drained" or "timeout".
import net from "node:net";

/** How long an idle kept-alive connection stays open (Node's default); nginx's upstream keepalive_timeout is below it. */
export const KEEP_ALIVE_MS = 5000;

export function gracefulClose(server, { graceMs }) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve("timeout");
    }, graceMs);
    // net.Server's own close: stops listening and waits for the open connections to end (http's
    // close would also cut the idle ones at once)
    net.Server.prototype.close.call(server, () => {
      clearTimeout(timer);
      resolve("drained");
    });
  });
}
