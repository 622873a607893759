// Legal figures for a year: the domain's parameter set with the staff corrections stored in LegalParameter.
import { JobRefusal } from "./types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parametersFor, withParameterFigures, type ParameterFigureRow, type ParameterSet } from "@/lib/domain";

export async function loadParameters(prisma: PrismaClient, year: number): Promise<ParameterSet> {
  const base = parametersFor(year);
  const rows = await prisma.legalParameter.findMany({ where: { year } });
  if (rows.length === 0) return base;
  const figures: ParameterFigureRow[] = rows.map((r) => {
    const unit = r.unit as ParameterFigureRow["unit"];
    const row: ParameterFigureRow = { year: r.year, key: r.key, unit, source: r.source, status: r.status as ParameterFigureRow["status"] };
    if (r.note !== null) row.note = r.note;
    if (r.value !== null) {
      const v = Number(r.value);
      if (unit === "cents") row.valueCents = v;
      else if (unit === "bp") row.valueBp = v;
      else if (unit === "count") row.valueCount = v;
      else if (r.denominator !== null) {
        row.numerator = v;
        row.denominator = Number(r.denominator);
      }
    }
    return row;
  });
  return withParameterFigures(base, figures);
}

export async function loadFund(prisma: PrismaClient) {
  const fund = await prisma.fund.findUnique({ where: { id: 1 } });
  if (!fund) throw new JobRefusal("fund.missing");
  return fund;
}
