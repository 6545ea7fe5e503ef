// The embedded database's door: pglite-socket accepts any client on its port, and PGlite itself
// has no authentication. This gate stands in front of the session: a connection's startup
// message is held back until the client proves it knows the data folder's password (MD5
// challenge with a fresh salt, as PostgreSQL's md5 method); only then is the startup passed on.
// A client without it gets PostgreSQL's "password authentication failed" (28P01) and nothing else.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const PROTOCOL_3 = 196608;
const PASSWORD_MESSAGE = 0x70; // 'p'

type State = { startup: Uint8Array; salt: Buffer; user: string } | "ok" | "refused";

function md5(data: Buffer | string): string {
  return crypto.createHash("md5").update(data).digest("hex");
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}

function message(type: string, body: Buffer): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from(type), int32(body.length + 4), body]));
}

function authError(user: string): Uint8Array {
  const field = (code: string, value: string) => Buffer.concat([Buffer.from(code), Buffer.from(value, "utf8"), Buffer.from([0])]);
  return message(
    "E",
    Buffer.concat([field("S", "FATAL"), field("V", "FATAL"), field("C", "28P01"), field("M", `password authentication failed for user "${user.slice(0, 60)}"`), Buffer.from([0])]),
  );
}

function startupUser(startup: Uint8Array): string {
  const parts = Buffer.from(startup.subarray(8)).toString("utf8").split("\0");
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i] === "user") return parts[i + 1];
  return "";
}

export class PasswordGate {
  private states = new Map<number, State>();

  constructor(private readonly password: string) {}

  /**
   * What to do with a message from connection `handlerId`: the bytes to send on to the database
   * (the message itself, or the held-back startup once the password is right), or null when the
   * gate answered it itself.
   */
  admit(handlerId: number, msg: Uint8Array, reply: (data: Uint8Array) => void): Uint8Array | null {
    const state = this.states.get(handlerId);
    if (state === "ok") return msg;
    if (state === undefined) {
      const isStartup = msg.length >= 8 && Buffer.from(msg).readInt32BE(4) === PROTOCOL_3;
      if (!isStartup) {
        this.states.set(handlerId, "refused");
        reply(authError(""));
        return null;
      }
      const salt = crypto.randomBytes(4);
      this.states.set(handlerId, { startup: msg, salt, user: startupUser(msg) });
      reply(message("R", Buffer.concat([int32(5), salt]))); // AuthenticationMD5Password
      return null;
    }
    if (state === "refused" || msg[0] !== PASSWORD_MESSAGE) {
      this.states.set(handlerId, "refused");
      reply(authError(state === "refused" ? "" : state.user));
      return null;
    }
    const sent = Buffer.from(msg.subarray(5, msg.length - 1));
    const expected = Buffer.from(`md5${md5(Buffer.concat([Buffer.from(md5(this.password + state.user)), state.salt]))}`);
    if (sent.length === expected.length && crypto.timingSafeEqual(sent, expected)) {
      this.states.set(handlerId, "ok");
      return state.startup;
    }
    this.states.set(handlerId, "refused");
    reply(authError(state.user));
    return null;
  }

  forget(handlerId: number) {
    this.states.delete(handlerId);
  }
}

/** The data folder's password: read from DATA_DIR/db-password (mode 0600), created at random the first time. */
export function dataFolderPassword(dataDir: string): string {
  const file = path.join(dataDir, "db-password");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 16) {
      fs.chmodSync(file, 0o600);
      return existing;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const password = crypto.randomBytes(24).toString("base64url");
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return password;
}

export function randomPassword(): string {
  return crypto.randomBytes(24).toString("base64url");
}
