import { z } from "zod";

export const parameterUpdateSchema = z.object({
  id: z.string().min(1),
  // in the figure's own unit as people write it (euros, a percentage, a whole number, a decimal ratio): the use case
  // reads it with lib/domain figureFromText, knowing the unit
  value: z.string().trim().min(1, "valueRequired").max(40, "invalid"),
  status: z.enum(["confirmed", "derived"], { message: "statusRequired" }),
  reason: z.string().trim().min(5, "reasonTooShort").max(500, "reasonTooLong"),
});
export type ParameterUpdateInput = z.infer<typeof parameterUpdateSchema>;
