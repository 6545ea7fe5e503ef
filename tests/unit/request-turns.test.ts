// An app server handles at most MAX_ACTIVE_REQUESTS requests at once (runtime/request-turns.mjs):
// the others wait, in the order they came, and each starts as soon as one in progress is answered;
// a client that leaves while waiting gives up its place; /api/health never waits.
import { AsyncLocalStorage } from "node:async_hooks";
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { requestTurns } from "../../runtime/request-turns.mjs";

function request(url = "/overview") {
  const res = new EventEmitter();
  return { req: { url }, res: res as { once(event: "close", listener: () => void): unknown }, close: () => res.emit("close") };
}

describe("requests a server handles at once", () => {
  it("runs the first `max` at once, the next in the order they came as each one is answered", () => {
    const turns = requestTurns(2);
    const started: string[] = [];
    const r = ["a", "b", "c", "d"].map((name) => ({ name, ...request() }));
    for (const x of r) turns.admit(x.req, x.res, () => started.push(x.name));
    expect(started).toEqual(["a", "b"]);
    expect(turns.waiting).toBe(2);
    r[1].close();
    expect(started).toEqual(["a", "b", "c"]);
    r[1].close(); // a second "close" gives back nothing more
    expect(started).toEqual(["a", "b", "c"]);
    r[0].close();
    expect(started).toEqual(["a", "b", "c", "d"]);
    r[2].close();
    r[3].close();
    expect(turns.active).toBe(0);
    expect(turns.waiting).toBe(0);
  });

  it("a client that leaves while waiting gives up its place", () => {
    const turns = requestTurns(1);
    const started: string[] = [];
    const [a, b, c] = ["a", "b", "c"].map((name) => ({ name, ...request() }));
    for (const x of [a, b, c]) turns.admit(x.req, x.res, () => started.push(x.name));
    b.close();
    a.close();
    expect(started).toEqual(["a", "c"]);
    c.close();
    expect(turns.active).toBe(0);
  });

  it("/api/health is answered at once, even when every turn is taken", () => {
    const turns = requestTurns(1);
    const started: string[] = [];
    const busy = request();
    turns.admit(busy.req, busy.res, () => started.push("page"));
    const health = request("/api/health");
    turns.admit(health.req, health.res, () => started.push("health"));
    expect(started).toEqual(["page", "health"]);
    health.close();
    expect(turns.active).toBe(1);
  });

  it("a request that waited runs in its own async context", async () => {
    const turns = requestTurns(1);
    const store = new AsyncLocalStorage<string>();
    const seen: Array<string | undefined> = [];
    const a = request();
    const b = request();
    store.run("a", () => turns.admit(a.req, a.res, () => seen.push(store.getStore())));
    store.run("b", () => turns.admit(b.req, b.res, () => seen.push(store.getStore())));
    store.run("a", () => a.close());
    expect(seen).toEqual(["a", "b"]);
  });
});
