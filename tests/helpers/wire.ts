// PostgreSQL wire-protocol messages as a client sends them, for tests that cut a connection in
// the middle of a query cycle (after Parse/Bind/Execute, before Sync) or of a transaction.
import type { Socket } from "node:net";
import type pg from "pg";

function message(type: string, ...parts: Buffer[]): Uint8Array {
  const body = Buffer.concat(parts);
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return new Uint8Array(Buffer.concat([Buffer.from(type), length, body]));
}
const cstring = (s: string) => Buffer.from(`${s}\0`, "utf8");
const int16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

/** A simple Query (one or more statements). */
export const query = (sql: string) => message("Q", cstring(sql));
/** Parse of an unnamed statement without parameters. */
export const parse = (sql: string) => message("P", cstring(""), cstring(sql), int16(0));
/** Bind of the unnamed statement to the unnamed portal, no parameters. */
export const bind = () => message("B", cstring(""), cstring(""), int16(0), int16(0), int16(0));
/** Execute of the unnamed portal. */
export const execute = () => message("E", cstring(""), int32(0));
export const sync = () => message("S");

/**
 * Writes raw messages on a connected client's socket and closes it right behind them, as a
 * process that dies after sending them: the server reads the messages, then the end of the stream.
 */
export function sendAndCut(client: pg.Client, ...messages: Uint8Array[]): Promise<void> {
  const stream = (client as unknown as { connection: { stream: Socket } }).connection.stream;
  client.on("error", () => {}); // the client learns its connection is gone: expected here
  return new Promise((resolve) =>
    stream.end(Buffer.concat(messages.map((m) => Buffer.from(m))), () => {
      stream.destroy();
      resolve();
    }),
  );
}
