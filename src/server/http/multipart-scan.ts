// A second, streaming look at an upload's multipart/form-data body, chunk by chunk as it arrives
// (request-gate.ts): it keeps nothing but a part's headers and a few bytes of look-behind, and
// reports as soon as a text field grows beyond its bound, a file beyond its own, or the parts
// become too many — long before the form's own parser would have the whole of a field in memory.
// It decides nothing about the form's meaning; Next.js parses the body as always.

export type PartLimits = {
  /** bytes of one text field */
  fieldBytes: number;
  /** bytes of one file */
  fileBytes: number;
  /** parts in all, and files among them */
  parts: number;
  files: number;
};

export type ScanProblem = "field" | "file" | "parts" | "malformed";

/** The boundary of a multipart/form-data Content-Type, or null. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : null;
}

const CRLF2 = Buffer.from("\r\n\r\n");
/** A part's header block (Content-Disposition and Content-Type lines) is never longer. */
const HEADER_BYTES = 16 * 1024;

export function multipartScanner(contentType: string | undefined, limits: PartLimits, onProblem: (problem: ScanProblem) => void) {
  const boundary = multipartBoundary(contentType);
  if (boundary === null) return null;
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // the body starts with the first boundary without a line break before it
  let carry: Buffer = Buffer.from("\r\n");
  let state: "preamble" | "headers" | "body" | "done" | "failed" = "preamble";
  let header: Buffer = Buffer.alloc(0);
  let isFile = false;
  let size = 0;
  let parts = 0;
  let files = 0;

  const fail = (problem: ScanProblem) => {
    if (state === "failed") return;
    state = "failed";
    onProblem(problem);
  };

  const consume = (seg: Buffer) => {
    if (seg.length === 0) return;
    if (state === "headers") {
      header = header.length === 0 ? Buffer.from(seg) : Buffer.concat([header, seg]);
      if (header.length >= 2 && header[0] === 0x2d && header[1] === 0x2d) {
        state = "done"; // the closing boundary: the rest is the epilogue
        return;
      }
      const end = header.indexOf(CRLF2);
      if (end < 0) {
        if (header.length > HEADER_BYTES) fail("malformed");
        return;
      }
      const text = header.subarray(0, end).toString("latin1");
      const rest = header.subarray(end + CRLF2.length);
      header = Buffer.alloc(0);
      // the rule multipart parsers use: a part with a file name, or of type octet-stream, is a file
      isFile = /content-disposition:[^\r\n]*;\s*filename\*?=/i.test(text) || /content-type:\s*application\/octet-stream/i.test(text);
      size = 0;
      parts++;
      if (isFile) files++;
      state = "body";
      if (parts > limits.parts || files > limits.files) return fail("parts");
      consume(rest);
      return;
    }
    if (state === "body") {
      size += seg.length;
      if (isFile ? size > limits.fileBytes : size > limits.fieldBytes) fail(isFile ? "file" : "field");
    }
  };

  const delimiterFound = () => {
    if (state === "done" || state === "failed") return;
    if (state === "headers") return fail("malformed");
    state = "headers";
    header = Buffer.alloc(0);
  };

  return {
    write(chunk: Buffer) {
      if (state === "done" || state === "failed") return;
      const buf = Buffer.concat([carry, chunk]);
      let pos = 0;
      for (;;) {
        const at = buf.indexOf(delimiter, pos);
        if (at < 0) break;
        consume(buf.subarray(pos, at));
        delimiterFound();
        pos = at + delimiter.length;
        if ((state as string) === "failed") return;
      }
      // a delimiter may straddle this chunk and the next: keep its possible start
      const keep = Math.max(pos, buf.length - (delimiter.length - 1));
      consume(buf.subarray(pos, keep));
      carry = Buffer.from(buf.subarray(keep));
    },
  };
}
