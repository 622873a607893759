// Flattens a parameter set into reference-table rows (docs/design.md §4 "Reference data") and reads figures back, refusing missing ones.
import { DomainError } from "../errors";
import type { Ratio } from "../money";
import type { Figure, FigureStatus, FigureUnit, ParameterSet } from "./types";

/** One row of the reference table the database seeds from a parameter set. */
export interface ParameterFigureRow {
  year: number;
  /** Dotted path, stable: 'contribution.ceiling1Cents', 'benefits.maternityLeaveWeekly.2025-02-01.fullFirst4WeeksCents'. */
  key: string;
  unit: FigureUnit;
  valueCents?: number;
  valueBp?: number;
  valueCount?: number;
  numerator?: number;
  denominator?: number;
  source: string;
  status: FigureStatus;
  note?: string;
}

function isFigure(value: unknown): value is Figure {
  return typeof value === "object" && value !== null && "unit" in value && "status" in value;
}

function toRow(year: number, key: string, f: Figure): ParameterFigureRow {
  const row: ParameterFigureRow = { year, key, unit: f.unit, source: f.source, status: f.status };
  if (f.note !== undefined) row.note = f.note;
  if (f.value !== null) {
    if (f.unit === "cents") row.valueCents = f.value;
    else if (f.unit === "bp") row.valueBp = f.value;
    else if (f.unit === "count") row.valueCount = f.value;
    else {
      row.numerator = f.value.numerator;
      row.denominator = f.value.denominator;
    }
  }
  return row;
}

function segment(item: unknown, index: number): string {
  return typeof item === "object" && item !== null && "validFrom" in item ? String(item.validFrom) : String(index);
}

function walk(node: unknown, path: string, visit: (key: string, figure: Figure) => void): void {
  if (isFigure(node)) {
    visit(path, node);
  } else if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${path}.${segment(item, i)}`, visit));
  } else if (typeof node === "object" && node !== null) {
    for (const [k, v] of Object.entries(node)) walk(v, path === "" ? k : `${path}.${k}`, visit);
  }
}

/** Every figure of the set as a flat row (missing figures included, without a value). */
export function listParameterFigures(set: ParameterSet): ParameterFigureRow[] {
  const rows: ParameterFigureRow[] = [];
  walk(set, "", (key, figure) => rows.push(toRow(set.year, key, figure)));
  return rows;
}

function fromRow(row: ParameterFigureRow, unit: FigureUnit): Figure {
  const meta = row.note === undefined ? { source: row.source } : { source: row.source, note: row.note };
  if (row.unit !== unit) throw new DomainError("parameters.unitMismatch", { key: row.key, expected: unit });
  if (row.status === "missing") return { unit, value: null, status: "missing", ...meta } as Figure;
  let value: number | Ratio | undefined;
  if (unit === "cents") value = row.valueCents;
  else if (unit === "bp") value = row.valueBp;
  else if (unit === "count") value = row.valueCount;
  else if (row.numerator !== undefined && row.denominator !== undefined)
    value = { numerator: row.numerator, denominator: row.denominator };
  if (value === undefined) throw new DomainError("parameters.valueMissing", { key: row.key });
  return { unit, value, status: row.status, ...meta } as Figure;
}

function rebuild(node: unknown, path: string, rows: Map<string, ParameterFigureRow>, used: Set<string>): unknown {
  if (isFigure(node)) {
    const row = rows.get(path);
    if (row === undefined) return node;
    used.add(path);
    return fromRow(row, node.unit);
  }
  if (Array.isArray(node)) return node.map((item, i) => rebuild(item, `${path}.${segment(item, i)}`, rows, used));
  if (typeof node === "object" && node !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = rebuild(v, path === "" ? k : `${path}.${k}`, rows, used);
    return out;
  }
  return node;
}

/**
 * A copy of `base` where every figure named by a row (same year, same key) is replaced: this is how
 * figures corrected by staff in the reference table come back into the domain without a deploy.
 * Rows for another year or an unknown key throw DomainError 'parameters.unknownKey'.
 */
export function withParameterFigures(base: ParameterSet, rows: readonly ParameterFigureRow[]): ParameterSet {
  const byKey = new Map<string, ParameterFigureRow>();
  for (const row of rows) {
    if (row.year !== base.year) throw new DomainError("parameters.unknownKey", { key: row.key, year: row.year });
    byKey.set(row.key, row);
  }
  const used = new Set<string>();
  const result = rebuild(base, "", byKey, used) as ParameterSet;
  for (const key of byKey.keys()) {
    if (!used.has(key)) throw new DomainError("parameters.unknownKey", { key, year: base.year });
  }
  return result;
}

/** The numeric value of a figure; throws DomainError 'parameters.missing' when the figure was not found. */
export function figureValue(figure: Exclude<Figure, { unit: "ratio" }>, key: string, year: number): number {
  if (figure.value === null) throw new DomainError("parameters.missing", { key, year });
  return figure.value;
}

export function ratioValue(figure: Extract<Figure, { unit: "ratio" }>, key: string, year: number): Ratio {
  if (figure.value === null) throw new DomainError("parameters.missing", { key, year });
  return figure.value;
}
