// PGlite is one PostgreSQL session; pglite-socket multiplexes client connections onto it.
// Its own queue lets another connection in between any two protocol messages unless a
// transaction is open, which breaks the extended query protocol (Parse/Bind/Execute/Sync)
// under concurrency ("unnamed prepared statement does not exist"). This queue gives one
// connection the session from its first message until the end of its query cycle (Sync or a
// simple Query) and for as long as its transaction is open, then lets the next one in.
import type { PGlite } from "@electric-sql/pglite";
import type { PasswordGate } from "./embedded-auth";

type Item = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (e: unknown) => void;
};

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // Parse Bind Describe Execute Close Flush

export class ProtocolAwareQueue {
  private queue: Item[] = [];
  private processing = false;
  /** the connection that currently holds the session, if any */
  private owner: number | null = null;

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
      for (let item = this.next(); item; item = this.next()) {
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item!.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item!.onData(data);
              },
            }),
          );
        } catch (e) {
          this.owner = this.db.isInTransaction() ? item.handlerId : null;
          item.reject(e);
          continue;
        }
        const type = item.message[0];
        const midCycle = EXTENDED.has(type);
        const cycleEnd = type === SYNC || type === QUERY || type === TERMINATE;
        this.owner = this.db.isInTransaction() || (midCycle && !cycleEnd) ? item.handlerId : null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength() {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number) {
    this.gate?.forget(handlerId);
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error("Handler disconnected"));
      return false;
    });
    if (this.owner === handlerId && !this.db.isInTransaction()) {
      this.owner = null;
      void this.process();
    }
  }

  async clearTransactionIfNeeded(handlerId: number) {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    void this.process();
  }
}
