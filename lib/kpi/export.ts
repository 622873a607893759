// Serialises tables for download: CSV (csv-stringify, UTF-8 with BOM for spreadsheet software, ';' as Belgian
// spreadsheets expect) and XLSX (exceljs, one sheet per table). Header rows (notes) come first when present.
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";

export type Cell = string | number | null;
export type ExportTable = { name: string; title: string; notes?: string[]; headers: string[]; rows: Cell[][] };

export function tablesToCsv(tables: ExportTable[]): string {
  const records: Cell[][] = [];
  tables.forEach((t, i) => {
    if (i > 0) records.push([]);
    if (tables.length > 1 || t.notes?.length) records.push([`# ${t.title}`]);
    for (const n of t.notes ?? []) records.push([`# ${n}`]);
    records.push(t.headers);
    records.push(...t.rows);
  });
  return "\ufeff" + stringify(records.map((r) => r.map((c) => (c === null ? "" : c))), { delimiter: ";" });
}

export async function tablesToXlsx(tables: ExportTable[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "caisse-portal";
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name.slice(0, 31));
    ws.addRow([t.title]).font = { bold: true };
    for (const n of t.notes ?? []) ws.addRow([n]);
    ws.addRow(t.headers).font = { bold: true };
    for (const r of t.rows) ws.addRow(r.map((c) => (c === null ? "" : c)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
