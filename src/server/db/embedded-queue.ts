// PGlite is one PostgreSQL session; pglite-socket multiplexes client connections onto it.
// Its own queue lets another connection in between any two protocol messages unless a
// transaction is open, which breaks the extended query protocol (Parse/Bind/Execute/Sync)
// under concurrency ("unnamed prepared statement does not exist"). This queue gives one
// connection the session from its first message until the end of its query cycle (Sync or a
// simple Query) and for as long as its transaction is open, then lets the next one in.
//
// A connection that goes away while it holds the session (its process killed, its socket cut)
// gets what PostgreSQL gives it: its transaction, explicit or implicit, is rolled back and the
// session goes to the next connection. That happens in turn, after any message of that
// connection still executing, so a transaction begun by a message in flight when the socket
// closed is rolled back too.
import type { PGlite } from "@electric-sql/pglite";
import type { PasswordGate } from "./embedded-auth";

type Item = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (e: unknown) => void;
};

// messages after which the cycle goes on (Sync, a simple Query or Terminate end it)
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // Parse Bind Describe Execute Close Flush

export class ProtocolAwareQueue {
  private queue: Item[] = [];
  private processing = false;
  /** the connection that currently holds the session, if any */
  private owner: number | null = null;
  /** the connection whose message is executing */
  private running: number | null = null;
  /** connections closed while holding the session or executing: released in turn */
  private readonly gone = new Set<number>();

  constructor(
    private readonly db: PGlite,
    private readonly gate: PasswordGate | null = null,
  ) {}

  enqueue(handlerId: number, received: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    // a connection that has not shown the password never reaches the database (./embedded-auth.ts)
    const message = this.gate ? this.gate.admit(handlerId, received, onData) : received;
    if (message === null) return Promise.resolve(0);
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  private next(): Item | undefined {
    if (this.owner === null) return this.queue.shift();
    const i = this.queue.findIndex((q) => q.handlerId === this.owner);
    return i === -1 ? undefined : this.queue.splice(i, 1)[0];
  }

  private async process() {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        if (this.owner !== null && this.gone.has(this.owner)) await this.release(this.owner);
        const item = this.next();
        if (!item) break;
        await this.run(item);
      }
    } finally {
      this.processing = false;
    }
  }

  private async run(item: Item) {
    let bytes = 0;
    let failure: { error: unknown } | null = null;
    this.running = item.handlerId;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(item.message, {
          onRawData: (data: Uint8Array) => {
            bytes += data.length;
            item.onData(data);
          },
        }),
      );
    } catch (e) {
      failure = { error: e };
    } finally {
      this.running = null;
    }
    const type = item.message[0];
    const midCycle = EXTENDED.has(type) && !failure;
    this.owner = this.db.isInTransaction() || midCycle ? item.handlerId : null;
    if (this.owner !== item.handlerId) this.gone.delete(item.handlerId);
    if (failure) item.reject(failure.error);
    else item.resolve(bytes);
  }

  /** Rolls back what a connection that went away left open, and frees the session. */
  private async release(handlerId: number) {
    try {
      // a simple-query ROLLBACK ends an explicit transaction and also aborts the implicit one of a
      // half-sent query cycle (Execute without Sync); exec() follows it with the Sync that ends
      // the cycle. After an error in the cycle the ROLLBACK itself is skipped until that Sync,
      // leaving an explicit transaction open (aborted): hence the second one.
      await this.db.exec("ROLLBACK");
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    } catch (e) {
      console.warn(`[db] rolling back a closed connection's transaction: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.owner = null;
      this.gone.delete(handlerId);
    }
  }

  getQueueLength() {
    return this.queue.length;
  }

  /** pglite-socket calls this when a connection closes, then clearTransactionIfNeeded. */
  clearQueueForHandler(handlerId: number) {
    this.gate?.forget(handlerId);
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error("Handler disconnected"));
      return false;
    });
    if (this.owner === handlerId || this.running === handlerId) this.gone.add(handlerId);
    void this.process();
  }

  /** Nothing more to do here: the session is released in turn by process(). */
  async clearTransactionIfNeeded(_handlerId: number): Promise<void> {}
}
