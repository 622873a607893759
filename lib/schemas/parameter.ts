import { z } from "zod";

export const parameterUpdateSchema = z.object({
  id: z.string().min(1),
  value: z.string().trim().regex(/^-?\d{1,15}$/, "integerRequired"),
  status: z.enum(["confirmed", "derived"], { message: "statusRequired" }),
  reason: z.string().trim().min(5, "reasonTooShort").max(500, "reasonTooLong"),
});
export type ParameterUpdateInput = z.infer<typeof parameterUpdateSchema>;
