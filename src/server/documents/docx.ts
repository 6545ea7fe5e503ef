// A generated document (./model.ts) as a .docx, laid out as a 公文: A4 with the usual margins
// (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), title in 方正小标宋简体 二号 (22 pt),
// 一、 headings in 黑体 and （一） headings in 楷体_GB2312, body in 仿宋_GB2312 三号 (16 pt) with a
// two-character first-line indent and a fixed 28 pt line, page numbers "— 1 —" at the foot.
// Word substitutes an installed font (宋体 / 仿宋 / 楷体) where a named one is missing.
import "server-only";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from "docx";
import type { DocBlock, GeneratedDocument } from "./model";

export const DOCX_FONTS = {
  title: "方正小标宋简体",
  h1: "黑体",
  h2: "楷体_GB2312",
  body: "仿宋_GB2312",
  latin: "Times New Roman",
} as const;

/** half-points: 二号 22 pt, 三号 16 pt, 小四 12 pt, 四号 14 pt */
const SIZE = { title: 44, body: 32, table: 24, footer: 28 } as const;
/** twips */
const LINE = 560;
const INDENT_TWO_CHARS = 640;

const font = (eastAsia: string) => ({ eastAsia, ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, cs: DOCX_FONTS.latin });

const run = (text: string, options: Omit<IRunOptions, "text"> = {}) => new TextRun({ text, font: font(DOCX_FONTS.body), size: SIZE.body, ...options });

function tableBlock(b: Extract<DocBlock, { kind: "table" }>): (Paragraph | Table)[] {
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const cell = (text: string, numeric: boolean, header: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: header, font: font(header ? DOCX_FONTS.h1 : DOCX_FONTS.body), size: SIZE.table })],
        }),
      ],
      borders: { top: border, bottom: border, left: border, right: border },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 120 },
      children: [new TextRun({ text: b.caption, bold: true, font: font(DOCX_FONTS.h1), size: SIZE.table })],
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: b.head.map((h, i) => cell(h, b.numeric[i], true)) }),
        ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, b.numeric[i], false)) })),
      ],
    }),
    new Paragraph({ children: [] }),
  ];
}

function block(b: DocBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case "h1":
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: b.text })] })];
    case "h2":
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: b.text })] })];
    case "p":
      return [
        new Paragraph({
          indent: { firstLine: INDENT_TWO_CHARS },
          alignment: AlignmentType.JUSTIFIED,
          children: [...(b.lead ? [run(b.lead, { bold: true })] : []), run(b.text)],
        }),
      ];
    case "note":
      return [new Paragraph({ indent: { firstLine: INDENT_TWO_CHARS }, children: [run(b.text, { size: SIZE.table })] })];
    case "table":
      return tableBlock(b);
  }
}

/** The document as .docx bytes. */
export async function documentToDocx(doc: GeneratedDocument): Promise<Buffer> {
  const document = new Document({
    creator: "园区重大项目调度平台",
    title: doc.title,
    description: doc.asOf,
    styles: {
      default: {
        document: {
          run: { font: font(DOCX_FONTS.body), size: SIZE.body },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT } },
        },
        title: {
          run: { font: font(DOCX_FONTS.title), size: SIZE.title, color: "000000" },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, line: 700, lineRule: LineRuleType.EXACT } },
        },
        heading1: {
          run: { font: font(DOCX_FONTS.h1), size: SIZE.body, bold: false, color: "000000" },
          paragraph: { indent: { firstLine: INDENT_TWO_CHARS }, spacing: { before: 0, after: 0, line: LINE, lineRule: LineRuleType.EXACT }, keepNext: true },
        },
        heading2: {
          run: { font: font(DOCX_FONTS.h2), size: SIZE.body, bold: false, color: "000000" },
          paragraph: { indent: { firstLine: INDENT_TWO_CHARS }, spacing: { before: 0, after: 0, line: LINE, lineRule: LineRuleType.EXACT }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // A4 in twips; 公文 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; page number about 7 mm below the text
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 1304 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font("宋体"), size: SIZE.footer })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: doc.title })] }),
          ...(doc.subtitle ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(doc.subtitle, { font: font(DOCX_FONTS.h2) })] })] : []),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 280 }, children: [run(doc.asOf, { size: SIZE.table })] }),
          ...doc.blocks.flatMap(block),
          new Paragraph({ children: [] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: INDENT_TWO_CHARS * 2 }, children: [run(doc.dateLine)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The HTTP response of a .docx download (file name in UTF-8, as browsers read it). */
export function docxResponse(bytes: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "no-store",
    },
  });
}
