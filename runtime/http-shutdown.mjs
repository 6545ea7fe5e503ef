// Stopping an HTTP server gracefully (runtime/serve.mjs): no new connections, idle keep-alive
// connections closed at once and as they become idle, requests in flight allowed to finish; after
// `graceMs` whatever is still open is cut. Resolves "drained" or "timeout".
export function gracefulClose(server, { graceMs }) {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const timer = setTimeout(() => {
      clearInterval(idle);
      server.closeAllConnections();
      resolve("timeout");
    }, graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(timer);
      resolve("drained");
    });
    server.closeIdleConnections();
  });
}
