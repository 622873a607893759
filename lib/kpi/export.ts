// Serialises tables for download: CSV (csv-stringify, UTF-8 with BOM for spreadsheet software, ';' as Belgian
// spreadsheets expect) and XLSX (exceljs, one sheet per table). Header rows (notes) come first when present.
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";

export type Cell = string | number | null;
export type ExportTable = { name: string; title: string; notes?: string[]; headers: string[]; rows: Cell[][] };

/** A text cell a spreadsheet would run as a formula (= + - @, or a leading tab or carriage return) is written with
 *  a leading apostrophe: it reads as text, never as a formula (CSV injection). Numbers are left as they are. */
export function neutralise(cell: Cell): string | number {
  if (cell === null) return "";
  if (typeof cell === "number") return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function tablesToCsv(tables: ExportTable[]): string {
  const records: Cell[][] = [];
  tables.forEach((t, i) => {
    if (i > 0) records.push([]);
    if (tables.length > 1 || t.notes?.length) records.push([`# ${t.title}`]);
    for (const n of t.notes ?? []) records.push([`# ${n}`]);
    records.push(t.headers);
    records.push(...t.rows);
  });
  return "\ufeff" + stringify(records.map((r) => r.map(neutralise)), { delimiter: ";" });
}

export async function tablesToXlsx(tables: ExportTable[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "caisse-portal";
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name.slice(0, 31));
    ws.addRow([t.title]).font = { bold: true };
    for (const n of t.notes ?? []) ws.addRow([n]);
    ws.addRow(t.headers).font = { bold: true };
    for (const r of t.rows) ws.addRow(r.map(neutralise));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
