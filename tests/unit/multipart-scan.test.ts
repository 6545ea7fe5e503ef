// The gate's streaming look at an upload (src/server/http/multipart-scan.ts): a form within its
// bounds passes however the network cuts it into chunks; a field or file beyond its bound is
// reported while it streams, not after.
import { describe, expect, it } from "vitest";
import { multipartBoundary, multipartScanner, type PartLimits, type ScanProblem } from "@/server/http/multipart-scan";

const BOUNDARY = "----WebKitFormBoundaryOyrr7UtuEx7LDRaG";
const CT = `multipart/form-data; boundary=${BOUNDARY}`;
const LIMITS: PartLimits = { fieldBytes: 100, fileBytes: 1000, parts: 20, files: 3 };

type Part = { name: string; value: string | Buffer; filename?: string };
function form(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ""}`;
    const type = p.filename !== undefined ? "\r\nContent-Type: image/jpeg" : "";
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`), Buffer.from(p.value), Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

function scan(body: Buffer, cuts: number[], limits = LIMITS) {
  const problems: Array<{ problem: ScanProblem; at: number }> = [];
  let fed = 0;
  const scanner = multipartScanner(CT, limits, (problem) => problems.push({ problem, at: fed }));
  if (!scanner) throw new Error("no scanner");
  let from = 0;
  for (const cut of [...cuts, body.length]) {
    const chunk = body.subarray(from, cut);
    fed += chunk.length;
    scanner.write(chunk);
    from = cut;
  }
  return problems;
}

// what the report form sends: React's encoding, text fields and a photo, and the empty file input
const reportForm = form([
  { name: "_1_$ACTION_REF_3", value: "" },
  { name: "_1_projectCode", value: "YQ2024-001" },
  { name: "_1_progressText", value: "主体厂房完成70%，设备开始进场".repeat(2) },
  { name: "_1_photos", filename: "site.jpg", value: Buffer.alloc(900, 0xff) },
  { name: "_1_photos", filename: "", value: "" },
  { name: "0", value: '[{"ok":false},"$K1"]' },
]);

describe("multipart scan", () => {
  it("reads the boundary, quoted or not, only of multipart/form-data", () => {
    expect(multipartBoundary(CT)).toBe(BOUNDARY);
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b"')).toBe("a b");
    expect(multipartBoundary("multipart/form-data")).toBeNull();
    expect(multipartBoundary("text/plain; boundary=x")).toBeNull();
    expect(multipartScanner("application/json", LIMITS, () => {})).toBeNull();
  });

  it("lets a form within its bounds pass, however the body is cut into chunks", () => {
    for (let a = 0; a <= reportForm.length; a += 7) {
      for (let b = a; b <= reportForm.length; b += 53) {
        expect(scan(reportForm, [a, b]), `cut at ${a} and ${b}`).toEqual([]);
      }
    }
    // one byte at a time
    expect(
      scan(
        reportForm,
        Array.from({ length: reportForm.length }, (_, i) => i),
      ),
    ).toEqual([]);
  });

  it("a text field one byte over its bound is reported while it streams", () => {
    const exact = form([{ name: "_1_progressText", value: "x".repeat(100) }]);
    expect(scan(exact, [])).toEqual([]);
    const long = form([{ name: "_1_progressText", value: "x".repeat(5000) }]);
    const problems = scan(
      long,
      Array.from({ length: 50 }, (_, i) => (i + 1) * 100),
    );
    expect(problems.map((p) => p.problem)).toEqual(["field"]);
    // reported long before the field's 5,000 bytes have arrived
    expect(problems[0].at).toBeLessThan(400);
    expect(scan(form([{ name: "f", value: "x".repeat(101) }]), []).map((p) => p.problem)).toEqual(["field"]);
  });

  it("a file may be larger than a field, up to its own bound", () => {
    expect(scan(form([{ name: "f", filename: "a.jpg", value: Buffer.alloc(1000) }]), [])).toEqual([]);
    expect(scan(form([{ name: "f", filename: "a.jpg", value: Buffer.alloc(1001) }]), []).map((p) => p.problem)).toEqual(["file"]);
  });

  it("too many parts or files, and endless part headers, are reported", () => {
    const many = form(Array.from({ length: 21 }, (_, i) => ({ name: `f${i}`, value: "1" })));
    expect(scan(many, []).map((p) => p.problem)).toEqual(["parts"]);
    const files = form(Array.from({ length: 4 }, (_, i) => ({ name: "p", filename: `${i}.jpg`, value: "1" })));
    expect(scan(files, []).map((p) => p.problem)).toEqual(["parts"]);
    const endless = Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="x"\r\nX-Pad: `), Buffer.alloc(20_000, 0x61)]);
    expect(scan(endless, []).map((p) => p.problem)).toEqual(["malformed"]);
  });

  it("reports once, and reads nothing after its report", () => {
    const long = form([
      { name: "a", value: "x".repeat(500) },
      { name: "b", value: "y".repeat(500) },
    ]);
    expect(scan(long, [10, 20, 30, 400, 600]).map((p) => p.problem)).toEqual(["field"]);
  });
});
