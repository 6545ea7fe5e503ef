// Checks an uploaded file before any Excel library reads it. An .xlsx is a zip archive; this
// reads its central directory and refuses what is not a plain workbook: another format, an
// encrypted workbook (an OLE container), a macro workbook, too many entries, declared sizes
// over the bounds. Then it inflates every entry itself with the declared size as a hard ceiling
// (zlib's maxOutputLength), so an entry that lies about its size (a zip bomb) is refused after
// at most that many bytes, and counts the worksheet rows before they are parsed.
import zlib from "node:zlib";
import { IMPORT_MAX_BYTES } from "@/lib/upload-limits";

/** Upload ceiling, checked while the request arrives (src/server/http/request-limits.ts) and again here. */
export const MAX_UPLOAD_BYTES = IMPORT_MAX_BYTES;
export const MAX_ENTRIES = 300;
/** Bound on the inflated size of one entry and of all of them. */
export const MAX_ENTRY_BYTES = 40 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 80 * 1024 * 1024;
/** Rows a worksheet may hold (title, header, the projects, subtotals): a 5,000-project file fits. */
export const MAX_SHEET_ROWS = 12_000;

/** A file refused as a whole, with the message the user reads. */
export class ImportFileError extends Error {}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export type CheckedXlsx = { entries: number; inflatedBytes: number; sheetRows: number };

/** Throws ImportFileError with the reason when `bytes` is not a workbook this app reads. */
export function checkXlsx(bytes: Buffer, fileName: string): CheckedXlsx {
  if (bytes.length === 0) throw new ImportFileError("文件是空的（0 字节）。");
  if (bytes.length > MAX_UPLOAD_BYTES) throw new ImportFileError(`文件超过 ${MB(MAX_UPLOAD_BYTES)}，不予读取。调度表通常不到 1 MB，请检查是否选错了文件。`);
  if (/\.(xlsm|xltm|xlam)$/i.test(fileName)) throw new ImportFileError("不接受含宏的工作簿（.xlsm）：请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后上传。");
  if (bytes.subarray(0, 8).equals(OLE)) {
    throw new ImportFileError("文件已加密（设有打开密码）或是旧版 .xls 格式，无法读取：请在 Excel 中取消密码，另存为“Excel 工作簿 (*.xlsx)”后上传。");
  }
  if (bytes.readUInt32LE(0) !== 0x04034b50) throw new ImportFileError("不是 Excel 工作簿（.xlsx）文件：请上传本平台导出的调度表或导入模板（.xlsx）。");

  const notWorkbook = () => new ImportFileError("文件已损坏或不是 Excel 工作簿（.xlsx）：请在 Excel 中打开后重新另存为 .xlsx 再上传。");
  // End of central directory: the last 22 bytes, or before a trailing comment of up to 64 KB
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notWorkbook();
  const count = bytes.readUInt16LE(eocd + 10);
  const cdSize = bytes.readUInt32LE(eocd + 12);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new ImportFileError("文件结构异常（ZIP64），不予读取。");
  if (count > MAX_ENTRIES) throw new ImportFileError(`文件包含 ${count} 个部件，超过上限 ${MAX_ENTRIES}，不予读取。`);
  if (cdOffset + cdSize > eocd) throw notWorkbook();

  type Entry = { name: string; method: number; flags: number; compressed: number; size: number; local: number };
  const entries: Entry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) throw notWorkbook();
    const nameLen = bytes.readUInt16LE(p + 28);
    const e: Entry = {
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      compressed: bytes.readUInt32LE(p + 20),
      size: bytes.readUInt32LE(p + 24),
      local: bytes.readUInt32LE(p + 42),
      name: bytes.toString("utf8", p + 46, p + 46 + nameLen),
    };
    p += 46 + nameLen + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    if (e.flags & 1) throw new ImportFileError("文件已加密，无法读取：请在 Excel 中取消密码后另存为 .xlsx 上传。");
    if (/vbaProject\.bin$/i.test(e.name)) throw new ImportFileError("不接受含宏的工作簿（.xlsm）：请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后上传。");
    if (e.size > MAX_ENTRY_BYTES) throw new ImportFileError(`文件解压后过大（其中一个部件 ${MB(e.size)}，上限 ${MB(MAX_ENTRY_BYTES)}），不予读取。`);
    total += e.size;
    if (total > MAX_TOTAL_BYTES) throw new ImportFileError(`文件解压后过大（超过 ${MB(MAX_TOTAL_BYTES)}），不予读取。`);
    entries.push(e);
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) throw notWorkbook();

  let inflated = 0;
  let sheetRows = 0;
  for (const e of entries) {
    const l = e.local;
    if (l + 30 > bytes.length || bytes.readUInt32LE(l) !== 0x04034b50) throw notWorkbook();
    const start = l + 30 + bytes.readUInt16LE(l + 26) + bytes.readUInt16LE(l + 28);
    const data = bytes.subarray(start, start + e.compressed);
    if (data.length !== e.compressed) throw notWorkbook();
    let out: Buffer;
    if (e.method === 0) out = data;
    else if (e.method === 8) {
      try {
        // never more than the declared size: a lying entry fails here, bounded
        out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
      } catch (err) {
        if (err instanceof RangeError || (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
          throw new ImportFileError("文件解压后的大小与声明不符（疑似“压缩炸弹”），不予读取。");
        }
        throw notWorkbook();
      }
    } else throw notWorkbook();
    if (out.length !== e.size) throw new ImportFileError("文件解压后的大小与声明不符（疑似“压缩炸弹”），不予读取。");
    inflated += out.length;
    if (e.name === "[Content_Types].xml" && /macroEnabled/i.test(out.toString("utf8"))) {
      throw new ImportFileError("不接受含宏的工作簿（.xlsm）：请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后上传。");
    }
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      const rows = out.toString("latin1").match(/<(?:[A-Za-z]+:)?row[\s>/]/g)?.length ?? 0;
      sheetRows = Math.max(sheetRows, rows);
      if (rows > MAX_SHEET_ROWS) throw new ImportFileError(`工作表有 ${rows} 行，超过上限 ${MAX_SHEET_ROWS} 行，不予读取。请按县区园区分开导入。`);
    }
  }
  return { entries: entries.length, inflatedBytes: inflated, sheetRows };
}
