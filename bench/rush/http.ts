// The rush's HTTP client: every request goes through one keep-alive pool of bounded size (the
// virtual users wait for a free connection, as a browser's requests would queue behind a busy
// proxy), and each one is recorded with its kind, start, end, status and outcome. Like a browser it
// asks for gzip and unpacks what comes compressed, so the servers' (and nginx's) compression is part
// of what the rush measures.
import http from "node:http";
import zlib from "node:zlib";

export type Sample = {
  kind: string;
  write: boolean;
  start: number;
  end: number;
  status: number;
  /** null when the request did what it should; otherwise why it counts as an error */
  error: string | null;
  sqlQueries: number | null;
  /** the app server that answered (nginx's $upstream_addr), when known */
  upstream: string | null;
};

export type Reply = { status: number; body: string; headers: http.IncomingHttpHeaders };

/** What every client of a run records into: its requests, and those in flight. */
export class Recorder {
  readonly samples: Sample[] = [];
  /** requests sent and not yet answered */
  readonly inFlight = new Map<number, { kind: string; start: number }>();
  seq = 0;
}

export class Client {
  private readonly agent: http.Agent;

  /** `poolSize` connections at most: further requests wait for one, as a browser's would behind its connection limit */
  constructor(
    readonly host: string,
    readonly port: number,
    readonly poolSize: number,
    readonly recorder: Recorder = new Recorder(),
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: poolSize, maxFreeSockets: poolSize });
  }

  get samples(): Sample[] {
    return this.recorder.samples;
  }

  private get inFlight() {
    return this.recorder.inFlight;
  }

  get base(): string {
    return `http://${this.host}:${this.port}`;
  }

  /** requests in flight right now */
  inFlightNow(): Array<{ kind: string; start: number }> {
    return [...this.inFlight.values()];
  }

  raw(method: string, path: string, opts: { cookie?: string; body?: Buffer; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { "user-agent": "ppt-bench-rush", "accept-encoding": "gzip", ...(opts.headers ?? {}) };
      if (opts.cookie) headers.cookie = opts.cookie;
      if (opts.body) headers["content-length"] = String(opts.body.length);
      const req = http.request({ host: this.host, port: this.port, path, method, agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (d: Buffer) => chunks.push(d));
        res.on("end", () => {
          try {
            const raw = Buffer.concat(chunks);
            const body = res.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw;
            resolve({ status: res.statusCode ?? 0, body: body.toString("utf8"), headers: res.headers });
          } catch (e) {
            reject(e);
          }
        });
        res.on("error", reject);
        res.on("aborted", () => reject(new Error("response aborted")));
      });
      req.setTimeout(opts.timeoutMs ?? 120_000, () => req.destroy(new Error("timeout")));
      req.on("error", reject);
      req.end(opts.body);
    });
  }

  /**
   * Sends a request and records it. `judge` says whether the answer is an error (a message) or
   * not (null); a connection failure or a status ≥ 400 always is.
   */
  async send(
    kind: string,
    write: boolean,
    method: string,
    path: string,
    opts: { cookie?: string; body?: Buffer; headers?: Record<string, string>; judge?: (r: Reply) => string | null } = {},
  ): Promise<{ reply: Reply | null; error: string | null; sample: Sample }> {
    const id = this.recorder.seq++;
    const start = performance.now();
    this.inFlight.set(id, { kind, start });
    let reply: Reply | null = null;
    let error: string | null = null;
    try {
      reply = await this.raw(method, path, opts);
      if (reply.status >= 400) error = `HTTP ${reply.status}`;
      else error = opts.judge?.(reply) ?? null;
    } catch (e) {
      error = `connection: ${(e as Error).message}`;
    } finally {
      this.inFlight.delete(id);
    }
    const q = reply?.headers["x-sql-queries"];
    const sample: Sample = {
      kind,
      write,
      start,
      end: performance.now(),
      status: reply?.status ?? 0,
      error,
      sqlQueries: typeof q === "string" ? Number(q) : null,
      upstream: (reply?.headers["x-upstream"] as string | undefined) ?? null,
    };
    this.samples.push(sample);
    return { reply, error, sample };
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A page's HTML is an error when a streamed section failed on the server (React marks it data-dgst). */
export function pageError(r: Reply): string | null {
  if (r.status !== 200) return `HTTP ${r.status}`;
  if (/<template data-dgst=/.test(r.body)) return "a section failed on the server (data-dgst)";
  return null;
}

// ---------------------------------------------------------------- server actions

const BOUNDARY = "----bench-rush";

export type FormField = [string, string] | [string, { filename: string; type: string; bytes: Buffer }];

/** A form posted to a useActionState server action, encoded as React's client does (fields prefixed _1_, the previous state as field 0). */
export function actionBody(fields: FormField[]): { body: Buffer; contentType: string } {
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    if (typeof value === "string") {
      parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="_1_${name}"\r\n\r\n${value}\r\n`));
    } else {
      parts.push(
        Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="_1_${name}"; filename="${value.filename}"\r\nContent-Type: ${value.type}\r\n\r\n`),
        value.bytes,
        Buffer.from("\r\n"),
      );
    }
  }
  parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{"ok":false},"$K1"]\r\n--${BOUNDARY}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

export type ActionAnswer = { ok: boolean; message: string; fieldErrors: boolean; conflict: boolean };

/** The ActionState an action answered, read from its RSC payload; null when there is none. */
export function actionAnswer(body: string): ActionAnswer | null {
  const ok = /\{"ok":(true|false)/.exec(body);
  if (!ok) return null;
  const rest = body.slice(ok.index);
  const m = /"message":"((?:[^"\\]|\\.)*)"/.exec(rest);
  let message = "";
  if (m) {
    try {
      message = JSON.parse(`"${m[1]}"`) as string;
    } catch {
      message = m[1];
    }
  }
  return { ok: ok[1] === "true", message, fieldErrors: /"fieldErrors":\{/.test(rest), conflict: /"conflict":\{/.test(rest) };
}

/** Hidden inputs of a form in a page's HTML: name → value, in order. */
export function hiddenInputs(html: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /\sname="([^"]*)"/.exec(m[0])?.[1];
    const value = /\svalue="([^"]*)"/.exec(m[0])?.[1];
    if (name !== undefined && value !== undefined) out.push([name, value]);
  }
  return out;
}
