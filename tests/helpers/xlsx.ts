// Building Excel files as a user (or an attacker) would hand them in: edit a workbook with
// exceljs, or write a zip archive byte by byte (lying sizes, macro parts) for the hostile cases.
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { xlsxBuffer } from "@/server/excel/workbook";
import type { ExportResult } from "@/server/excel/exports";

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The file an export built; a refused export fails the test with its message. */
export async function exportedFile(result: ExportResult): Promise<Buffer> {
  if (!result.ok) throw new Error(result.message);
  return xlsxBuffer(result.build);
}

/** The first sheet of the file an export built. */
export async function exportedSheet(result: ExportResult): Promise<ExcelJS.Worksheet> {
  return (await loadWorkbook(await exportedFile(result))).worksheets[0];
}

/** The file with its first sheet changed by `change` and saved again, as a user edits a template. */
export async function editSheet(bytes: Buffer, change: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = await loadWorkbook(bytes);
  change(wb.worksheets[0]);
  return saveWorkbook(wb);
}

/** The sheet row whose 项目代码 cell (column B) is `code`. */
export function rowOf(ws: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === code) return ws.getRow(r);
  throw new Error(`no row for ${code}`);
}

/** Column number of a header (row 3) starting with `label`. */
export function colOf(ws: ExcelJS.Worksheet, label: string): number {
  let found = 0;
  ws.getRow(3).eachCell((c, n) => {
    if (!found && String(c.value ?? "").startsWith(label)) found = n;
  });
  if (!found) throw new Error(`no column ${label}`);
  return found;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export type ZipEntry = { name: string; data: Buffer; /** the uncompressed size written in the headers (default: the true one) */ declaredSize?: number };

/** A zip archive with deflated entries, headers as given (so sizes can lie). */
export function makeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const data = zlib.deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    // the fields both headers carry, the central one 2 bytes further on: method (deflate), CRC, sizes, name length
    const common = (b: Buffer, at: number) => {
      b.writeUInt16LE(8, at - 6);
      b.writeUInt32LE(crc, at);
      b.writeUInt32LE(data.length, at + 4);
      b.writeUInt32LE(size, at + 8);
      b.writeUInt16LE(name.length, at + 12);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    common(local, 14);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    common(central, 16);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The entries of a real .xlsx (to rebuild it with an extra or a lying part). */
export async function unzipEntries(bytes: Buffer): Promise<ZipEntry[]> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(bytes);
  const out: ZipEntry[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    out.push({ name, data: Buffer.from(await zip.files[name].async("uint8array")) });
  }
  return out;
}
