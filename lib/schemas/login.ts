import { z } from "zod";

// Error messages are message keys (login.errors.*), translated by the form.
export const loginSchema = z.object({
  email: z.string().trim().min(1, "emailRequired").email("emailInvalid"),
  password: z.string().min(1, "passwordRequired"),
});
export type LoginInput = z.infer<typeof loginSchema>;
