import { z } from "zod";

/** Preparing a file: the kind, and for INASTI the year of the career data (the year before when empty). */
export const prepareTransmissionSchema = z
  .object({
    kind: z.enum(["MUTUALITY_BENEFIT_PAYMENTS", "MUTUALITY_INCAPACITY_ATTESTATIONS", "INASTI_CAREER"], { message: "kindRequired" }),
    year: z.string().trim().optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.year !== "" && !/^(20\d\d|2100)$/.test(v.year)) ctx.addIssue({ code: "custom", path: ["year"], message: "yearInvalid" });
  });

/** Marking a file sent or acknowledged. */
export const advanceTransmissionSchema = z.object({
  id: z.string().trim().min(1).max(40),
  to: z.enum(["SENT", "ACKNOWLEDGED"]),
});
