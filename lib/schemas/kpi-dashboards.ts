import { z } from "zod";
import { INDICATOR_IDS } from "@/lib/kpi/indicators";

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "monthInvalid");

/** Dashboard filters (query string): period as months 'YYYY-MM', optional category, advisor and request type. */
export const kpiFilterSchema = z
  .object({
    from: month.optional().catch(undefined),
    to: month.optional().catch(undefined),
    category: z.string().regex(/^[A-Z_]{1,30}$/).optional().catch(undefined),
    advisor: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional().catch(undefined),
    type: z.string().regex(/^[A-Z_]{1,30}$/).optional().catch(undefined),
  })
  .transform((f) => (f.from && f.to && f.from > f.to ? { ...f, from: f.to, to: f.from } : f));
export type KpiFilterInput = z.infer<typeof kpiFilterSchema>;

/** A manager's target for one indicator, in its unit (per mille, days, count or cents). */
export const kpiTargetSchema = z.object({
  indicator: z.enum(INDICATOR_IDS as [string, ...string[]], { message: "indicatorUnknown" }),
  target: z.string().trim().regex(/^\d{1,9}$/, "targetInteger"),
});
export type KpiTargetInput = z.infer<typeof kpiTargetSchema>;
