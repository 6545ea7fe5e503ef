// A stopping app server (runtime/http-shutdown.mjs) takes no new connection, but a request that
// arrives on a kept-alive connection already open — nginx may be sending one at this very moment,
// and would not send a POST again elsewhere — is still answered, and its connection closed after.
import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { gracefulClose, KEEP_ALIVE_MS } from "../../runtime/http-shutdown.mjs";

let server: http.Server | null = null;
let stopping = false;
afterEach(() => {
  server?.closeAllConnections();
  server = null;
  stopping = false;
});

async function start() {
  server = http.createServer((req, res) => {
    if (stopping) res.setHeader("connection", "close"); // as runtime/serve.mjs does
    req.resume();
    req.on("end", () => res.end(`${req.method} answered`));
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return (server.address() as net.AddressInfo).port;
}

/** One raw keep-alive connection; `send` writes a request and resolves with the whole answer's head. */
function connection(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  let buffer = "";
  let waiting: ((s: string) => void) | null = null;
  socket.on("data", (d) => {
    buffer += d.toString();
    const end = buffer.indexOf("answered");
    if (end >= 0 && waiting) {
      const answer = buffer.slice(0, end + "answered".length);
      buffer = buffer.slice(end + "answered".length);
      waiting(answer);
      waiting = null;
    }
  });
  const closed = new Promise<void>((r) => socket.once("close", () => r()));
  return {
    closed,
    send(method: string) {
      const body = method === "POST" ? "x=1" : "";
      return new Promise<string>((resolve) => {
        waiting = resolve;
        socket.write(`${method} / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
      });
    },
  };
}

describe("stopping the app server", () => {
  it("answers a POST arriving on an open kept-alive connection, closes that connection, refuses new ones", async () => {
    const port = await start();
    const c = connection(port);
    expect(await c.send("GET")).toMatch(/^HTTP\/1\.1 200/);
    stopping = true;
    const stopped = gracefulClose(server!, { graceMs: 10_000 });
    await new Promise((r) => setTimeout(r, 200));
    const answer = await c.send("POST");
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toMatch(/connection: close/i);
    expect(answer).toContain("POST answered");
    await c.closed;
    await expect(stopped).resolves.toBe("drained");
    const refused = await new Promise<string>((r) =>
      net
        .connect(port, "127.0.0.1")
        .once("error", (e: NodeJS.ErrnoException) => r(e.code ?? ""))
        .once("connect", () => r("connected")),
    );
    expect(refused).toBe("ECONNREFUSED");
  });

  it("cuts what is still open after the grace period", async () => {
    const port = await start();
    const c = connection(port);
    await c.send("GET");
    // an idle connection ends by itself after KEEP_ALIVE_MS; a shorter grace cuts it first
    await expect(gracefulClose(server!, { graceMs: 300 })).resolves.toBe("timeout");
    await c.closed;
  });
});
