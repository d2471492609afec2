import { stringify } from "csv-stringify/sync";
import type { Cell } from "./datasets";

/** A table to write out: a header row and rows of cells in the same order. */
export interface Table {
  name: string;
  headers: string[];
  rows: Cell[][];
}

export interface Rendered {
  contentType: string;
  body: Buffer;
}

/** The characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a text cell inert in a spreadsheet: one that starts as a formula
 * would (= + - @, tab, carriage return) gets a leading apostrophe, as OWASP
 * advises, so that Excel, LibreOffice and Google Sheets show it as text.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * CSV as RFC 4180 has it (CRLF line ends, fields quoted where they must
 * be) with a header row, in UTF-8 with a byte-order mark so that Excel
 * opens it as UTF-8 rather than in the system's code page. Numbers are
 * written as numbers, booleans as true/false, absent values as empty fields;
 * text that would start a formula is neutralised.
 */
export function toCsv(table: Table): Rendered {
  const text = stringify([table.headers, ...table.rows], {
    bom: true,
    record_delimiter: "windows",
    cast: { string: neutraliseFormula, boolean: (value) => (value ? "true" : "false") },
  });
  return { contentType: "text/csv; charset=utf-8; header=present", body: Buffer.from(text, "utf8") };
}

/**
 * An XLSX workbook of one sheet: a bold, frozen header row, numbers and
 * booleans as such, text as text cells (a cell starting with `=` is a
 * string, never a formula, so it needs no apostrophe there).
 */
export async function toXlsx(table: Table): Promise<Rendered> {
  // Loaded on first use: the library takes most of a second to load, which the gateway's start need not wait for.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "SSTC Cooperation Graph";
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? undefined));
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body };
}

/** The formats an export is written in, by the extension in its path. */
export const FORMATS: Record<string, (table: Table) => Rendered | Promise<Rendered>> = { csv: toCsv, xlsx: toXlsx };
