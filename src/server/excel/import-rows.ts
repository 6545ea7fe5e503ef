// Reads an uploaded 调度表 (checked first by zip-guard.ts) into raw rows: finds the header row by
// its 项目代码 column, maps the columns the import reads by their header text, and takes each
// cell as the user sees it. Decisions, each with the message the user reads:
//   - amounts must be in 万元: a header in 亿元 is refused (not converted: a silent ×10000 is
//     the costliest mistake a table can make); a header without its unit is refused too;
//   - a formula counts with the value Excel saved with it (its cached result); a formula
//     without one (a file written by a program that never calculated it) is refused;
//   - merged cells below the header are refused (which row would the value belong to?);
//   - subtotal and total rows (no 项目代码, a label with 小计/合计) and blank rows are skipped.
import ExcelJS from "exceljs";
import { checkXlsx, ImportFileError } from "./zip-guard";
import { H } from "./schedule";
import { FUNDS_COLUMNS, type FundsColumn } from "@/domain/funding-sources";

export type CellText = { text: string | null; error?: string };

export type RawRow = {
  /** 1-based row number in the sheet, as Excel shows it */
  rowNo: number;
  code: string;
  monthInvestment: CellText;
  cumulativeInvestment: CellText;
  progressText: CellText;
  /** undefined: the file has no such column */
  progressStage?: CellText;
  explanation?: CellText;
  actualStartMonth?: CellText;
  actualProductionMonth?: CellText;
  /** 资金到位 by source (optional columns): a column the file does not have is absent */
  funds?: Partial<Record<FundsColumn, CellText>>;
};

export type ParsedFile = {
  /** the month named in the title rows ("2024年12月"), if any */
  titleMonth: string | null;
  rows: RawRow[];
  /** rows without a 项目代码 that hold figures: reported as errors */
  codeless: number[];
};

const norm = (s: string) => s.replace(/\s+/g, "").replace(/\(/g, "（").replace(/\)/g, "）");

/**
 * The import's columns: label matched at the start of the header (the longest label that matches:
 * “形象进度阶段” is not “形象进度”); `amount` ones need （万元）.
 */
const READ = {
  code: { label: H.code, amount: false, required: true },
  monthInvestment: { label: "本月完成投资", amount: true, required: true },
  cumulativeInvestment: { label: "开工至今累计完成投资", amount: true, required: true },
  progressText: { label: H.progress, amount: false, required: true },
  progressStage: { label: H.stage, amount: false, required: false },
  explanation: { label: "说明", amount: false, required: false },
  actualStartMonth: { label: "实际开工月份", amount: false, required: false },
  actualProductionMonth: { label: "实际投产月份", amount: false, required: false },
  // 资金到位 by source, optional: "财政资金累计到位（万元）" …
  fundsFiscal: { label: H.fundsFiscal.replace("（万元）", ""), amount: true, required: false },
  fundsBond: { label: H.fundsBond.replace("（万元）", ""), amount: true, required: false },
  fundsBank: { label: H.fundsBank.replace("（万元）", ""), amount: true, required: false },
  fundsSelf: { label: H.fundsSelf.replace("（万元）", ""), amount: true, required: false },
  fundsOther: { label: H.fundsOther.replace("（万元）", ""), amount: true, required: false },
} as const;
type Key = keyof typeof READ;

/** A cell as text the way the user sees its value (numbers exactly as Excel shows up to 15 digits). */
export function cellText(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined) return { text: null };
  if (typeof value === "number") return { text: Number.isFinite(value) ? String(Number(value.toPrecision(15))) : null };
  if (typeof value === "string") return { text: value.trim() === "" ? null : value };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return { text: null, error: "应为数字或文字，不是日期" };
  if (typeof value === "object") {
    if ("richText" in value) return cellText(value.richText.map((t) => t.text).join(""));
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return { text: null, error: "含公式但文件中没有计算结果：请在 Excel 中打开、保存后再上传" };
      if (typeof result === "object" && result !== null && "error" in result) return { text: null, error: `公式结果为错误值 ${(result as { error: string }).error}` };
      return cellText(result as ExcelJS.CellValue);
    }
    if ("error" in value) return { text: null, error: `单元格为错误值 ${value.error}` };
    if ("text" in value) return cellText((value as { text: string }).text);
  }
  return { text: null, error: "无法识别的单元格内容" };
}

function titleMonth(text: string): string | null {
  const m = /((?:19|20|21)[0-9]{2})年(1[0-2]|0?[1-9])月/.exec(text);
  return m ? `${m[1]}-${m[2].padStart(2, "0")}` : null;
}

/** Parses `bytes` (an .xlsx named `fileName`); throws ImportFileError for a file refused as a whole. */
export async function readScheduleFile(bytes: Buffer, fileName: string): Promise<ParsedFile> {
  checkXlsx(bytes, fileName);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError("文件已损坏或不是 Excel 工作簿（.xlsx）：请在 Excel 中打开后重新另存为 .xlsx 再上传。");
  }
  const ws = wb.worksheets.find((w) => w.actualRowCount > 0);
  if (!ws) throw new ImportFileError("工作簿是空的：没有任何数据。请使用本平台导出的调度表或导入模板。");

  // the header: the first of the first ten rows with a 项目代码 cell
  let headerRow = 0;
  let month: string | null = null;
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const texts = (ws.getRow(r).values as ExcelJS.CellValue[]).map((v) => cellText(v).text ?? "");
    if (texts.some((t) => norm(t) === H.code)) {
      headerRow = r;
      break;
    }
    month ??= texts.map(titleMonth).find((m): m is string => typeof m === "string") ?? null;
  }
  if (!headerRow) throw new ImportFileError(`找不到表头：前10行中没有“${H.code}”列。请使用本平台导出的调度表或导入模板，不要删改表头。`);

  const columns = new Map<Key, number>();
  const header = ws.getRow(headerRow);
  const problems: string[] = [];
  header.eachCell((cell, col) => {
    const text = norm(cellText(cell.value).text ?? "");
    const matches = (Object.entries(READ) as Array<[Key, (typeof READ)[Key]]>).filter(([, spec]) => text.startsWith(spec.label));
    const longest = matches.sort((a, b) => b[1].label.length - a[1].label.length).slice(0, 1);
    for (const [key, spec] of longest) {
      if (columns.has(key)) problems.push(`表头“${spec.label}”出现了两次`);
      if (spec.amount) {
        if (/亿/.test(text)) problems.push(`“${text}”的单位是亿元：本表按万元导入，不做换算（以免差一万倍）。请将该列换算为万元，并把表头改为“${spec.label}（万元）”后重新上传`);
        else if (!/万元/.test(text)) problems.push(`“${text}”没有注明单位：请把表头改为“${spec.label}（万元）”，金额按万元填写`);
      }
      columns.set(key, col);
    }
  });
  const missing = (Object.entries(READ) as Array<[Key, (typeof READ)[Key]]>)
    .filter(([k, s]) => s.required && !columns.has(k))
    .map(([, s]) => `“${s.label}${s.amount ? "（万元）" : ""}”`);
  if (missing.length) problems.unshift(`缺少表头 ${missing.join("、")}`);
  if (problems.length) throw new ImportFileError(`表头不符（第${headerRow}行）：${problems.join("；")}。`);

  // merged cells below the header
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).filter((range) => {
    const rows = range.match(/[0-9]+/g)?.map(Number) ?? [];
    return rows.some((n) => n > headerRow);
  });
  if (merges.length) {
    throw new ImportFileError(`表格中有合并单元格（${merges.slice(0, 3).join("、")}${merges.length > 3 ? " 等" : ""}）：请取消合并、每个项目占一行后再上传。`);
  }

  const rows: RawRow[] = [];
  const codeless: number[] = [];
  const at = (row: ExcelJS.Row, key: Key): CellText | undefined => {
    const col = columns.get(key);
    return col === undefined ? undefined : cellText(row.getCell(col).value);
  };
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values = (row.values as ExcelJS.CellValue[]).map((v) => cellText(v).text).filter((t): t is string => t !== null);
    if (values.length === 0) continue;
    const code = at(row, "code")!.text?.trim() ?? "";
    if (code === "") {
      if (values.some((t) => /小计|合计|总计|^注/.test(t))) continue;
      codeless.push(r);
      continue;
    }
    rows.push({
      rowNo: r,
      code,
      monthInvestment: at(row, "monthInvestment")!,
      cumulativeInvestment: at(row, "cumulativeInvestment")!,
      progressText: at(row, "progressText")!,
      progressStage: at(row, "progressStage"),
      explanation: at(row, "explanation"),
      actualStartMonth: at(row, "actualStartMonth"),
      actualProductionMonth: at(row, "actualProductionMonth"),
      funds: Object.fromEntries(FUNDS_COLUMNS.flatMap((c) => (columns.has(c) ? [[c, at(row, c)!]] : []))),
    });
  }
  return { titleMonth: month, rows, codeless };
}
