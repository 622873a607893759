// Reference data every part reads the same way, with the client its caller hands over (the app's, a job's or a
// transaction's): the fund's own row and the legal figures of a year (the domain's parameter set with the staff
// corrections stored in LegalParameter). No "server-only" here: the jobs run as plain Node scripts.
import { JobRefusal } from "@/lib/jobs/types";
import type { Fund, PrismaClient } from "@/lib/generated/prisma/client";
import { parametersFor, withParameterFigures, type ParameterFigureRow, type ParameterSet } from "@/lib/domain";

type Db = Pick<PrismaClient, "fund" | "legalParameter">;

export async function loadParameters(prisma: Pick<Db, "legalParameter">, year: number): Promise<ParameterSet> {
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

/** The fund's own row (name, IBAN, creditor id, address, management fee), or null before the seed created it. */
export async function findFund(db: Pick<Db, "fund">): Promise<Fund | null> {
  return db.fund.findUnique({ where: { id: 1 } });
}

/** The fund's own row; without it nothing can be billed or paid (a refusal, exit 2 for the batch runs). */
export async function loadFund(db: Pick<Db, "fund">): Promise<Fund> {
  const fund = await findFund(db);
  if (!fund) throw new JobRefusal("fund.missing");
  return fund;
}
