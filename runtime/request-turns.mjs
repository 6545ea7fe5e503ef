// At most `max` requests handled at once by the app server (runtime/serve.mjs); the others wait
// their turn, in the order they came, before anything of them is read. On a few cores a server
// does no more work per second with more pages rendering side by side, but each one in progress
// holds its memory: at the deadline-day rush, 20–30 at once took a server to 390 MB resident
// (docs/benchmark.md). /api/health never waits: it says whether the server and its database answer.
import { AsyncResource } from "node:async_hooks";

export function requestTurns(max) {
  let active = 0;
  const waiting = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
    /**
     * Runs `run()` now or when a turn is free; the turn is given back once the answer is
     * finished or the client has gone (the response's "close"). A request whose client leaves while
     * waiting gives up its place.
     */
    admit(req, res, run) {
      if (req.url === "/api/health") return run();
      const start = () => {
        let given = false;
        res.once("close", () => {
          if (given) return;
          given = true;
          release();
        });
        run();
      };
      if (active < max) {
        active++;
        return start();
      }
      // run later in this request's own async context (what it keeps per request stays its own)
      const turn = AsyncResource.bind(start);
      waiting.push(turn);
      res.once("close", () => {
        const at = waiting.indexOf(turn);
        if (at >= 0) waiting.splice(at, 1);
      });
    },
  };
}
