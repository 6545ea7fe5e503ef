// The one place for how our Excel files look: a title row and a note row above the header,
// headers in Chinese with their unit, money as numbers formatted #,##0.00 (万元), rates as numbers
// formatted as %, frozen header, column widths, and print set-up (A3 landscape, header rows
// repeated, fit to width). Every export (调度表, 项目库, 问题台账, 操作日志) and the import
// template are built with these; files are written with exceljs' streaming writer, row by row.
import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { dec, type DecimalLike } from "@/lib/money";

export type ColumnKind = "text" | "wrap" | "int" | "money" | "percent" | "points";

export type Column = {
  /** header text, with the unit: 总投资（万元） */
  header: string;
  kind: ColumnKind;
  /** width in characters */
  width: number;
};

export const MONEY_FORMAT = "#,##0.00";
export const PERCENT_FORMAT = "0.00%";
export const POINTS_FORMAT = "0.00";
export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Rows of the title block above the header: 1 title, 2 note; the header is row 3. */
export const HEADER_ROW = 3;

const THIN = { style: "thin" as const, color: { argb: "FF94A3B8" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFE2E8F0" } };
const SUBTOTAL_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFF1F5F9" } };
const TOTAL_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFE2E8F0" } };

/** A cell value as written: money and rates as numbers (never text), nothing as an empty cell. */
export type CellValue = string | number | null | undefined;

/** 万元 as an Excel number (exact decimals have at most 14 significant digits here). */
export function moneyCell(value: DecimalLike | null | undefined): number | null {
  return value === null || value === undefined ? null : dec(value).toNumber();
}

/** A rate stored in percent (45.67) as the fraction Excel's % format expects (0.4567). */
export function percentCell(value: DecimalLike | null | undefined): number | null {
  return value === null || value === undefined ? null : dec(value).dividedBy(100).toNumber();
}

function numberFormat(kind: ColumnKind): string | undefined {
  return kind === "money" ? MONEY_FORMAT : kind === "percent" ? PERCENT_FORMAT : kind === "points" ? POINTS_FORMAT : kind === "int" ? "0" : undefined;
}

export type SheetOptions = {
  name: string;
  /** row 1, e.g. 2024年12月重大项目调度表（会同县园区） */
  title: string;
  /** row 2: as of, published or not, the row cap */
  note: string;
  columns: Column[];
};

export type RowStyle = "body" | "subtotal" | "total";

/** A worksheet with the title block, header, widths, frozen header and print set-up. */
export class Sheet {
  private readonly ws: ExcelJS.Worksheet;
  private rowNo = HEADER_ROW;

  constructor(
    wb: ExcelJS.stream.xlsx.WorkbookWriter,
    readonly options: SheetOptions,
  ) {
    const last = options.columns.length;
    this.ws = wb.addWorksheet(options.name, {
      views: [{ state: "frozen", xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }],
      pageSetup: {
        paperSize: 8 as never, // A3 (OOXML paper size 8; exceljs' enum omits it)
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `1:${HEADER_ROW}`,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: "第 &P 页，共 &N 页" },
    });
    this.ws.columns = options.columns.map((c) => ({ width: c.width }));
    // merged before the rows are committed (the streaming writer cannot go back)
    this.ws.mergeCells(1, 1, 1, last);
    this.ws.mergeCells(2, 1, 2, last);
    const title = this.ws.getRow(1);
    title.getCell(1).value = options.title;
    title.getCell(1).font = { bold: true, size: 16 };
    title.getCell(1).alignment = { horizontal: "center", vertical: "middle" };
    title.height = 28;
    title.commit();
    const note = this.ws.getRow(2);
    note.getCell(1).value = options.note;
    note.getCell(1).font = { size: 10, color: { argb: "FF475569" } };
    note.getCell(1).alignment = { horizontal: "left", vertical: "middle", wrapText: true };
    note.height = 30;
    note.commit();
    const header = this.ws.getRow(HEADER_ROW);
    options.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    });
    header.height = 36;
    header.commit();
  }

  /** Appends a row; values in column order. */
  add(values: CellValue[], style: RowStyle = "body"): void {
    const row = this.ws.getRow(++this.rowNo);
    this.options.columns.forEach((c, i) => {
      const v = values[i];
      const cell = row.getCell(i + 1);
      cell.value = v === undefined || v === "" ? null : v;
      cell.border = BORDER;
      const fmt = numberFormat(c.kind);
      if (fmt) cell.numFmt = fmt;
      cell.alignment = c.kind === "wrap" ? { vertical: "top", wrapText: true } : { vertical: "top" };
      if (style !== "body") {
        cell.font = { bold: true };
        cell.fill = style === "total" ? TOTAL_FILL : SUBTOTAL_FILL;
      }
    });
    row.commit();
  }

  /** A closing line under the table (e.g. the row cap was reached). */
  footnote(text: string): void {
    const row = this.ws.getRow(++this.rowNo + 1);
    row.getCell(1).value = text;
    row.getCell(1).font = { italic: true, color: { argb: "FFB91C1C" } };
    row.commit();
  }

  commit(): void {
    this.ws.commit();
  }
}

/** A workbook writer streaming into `stream`. */
export function workbookWriter(stream: NodeJS.WritableStream): ExcelJS.stream.xlsx.WorkbookWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: stream as never, useStyles: true, useSharedStrings: false });
  wb.creator = "园区重大项目调度平台";
  wb.created = new Date();
  return wb;
}

export type Build = (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>;

/** Runs `build` into a stream of the file's bytes (the workbook is committed at the end). */
export function xlsxStream(build: Build): PassThrough {
  const pass = new PassThrough();
  const wb = workbookWriter(pass);
  (async () => {
    try {
      await build(wb);
      await wb.commit();
    } catch (e) {
      console.error("[excel export]", e);
      pass.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  return pass;
}

/** The whole file in memory (tests, the bench). */
export async function xlsxBuffer(build: Build): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of xlsxStream(build)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** An HTTP response streaming the workbook as a download named `fileName` (Chinese allowed). */
export function xlsxResponse(fileName: string, build: Build, headers: Record<string, string> = {}): Response {
  const body = Readable.toWeb(xlsxStream(build)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "content-type": XLSX_CONTENT_TYPE,
      "content-disposition": `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "no-store",
      ...headers,
    },
  });
}

/** A plain-text refusal of a download (not signed in, not allowed). */
export function textResponse(message: string, status: number): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}
