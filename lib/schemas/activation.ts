import { z } from "zod";

// Shared by the forms (react-hook-form resolver) and the server actions (lib/actions/activation.ts).
// Error messages are message keys (auth_form.errors.*), translated by the forms.
export const PASSWORD_MIN_LENGTH = 12;

export const setPasswordSchema = z
  .object({
    token: z.string().min(1, "invalidToken").max(512, "invalidToken"),
    password: z.string().min(1, "passwordRequired").min(PASSWORD_MIN_LENGTH, "passwordTooShort").max(200, "passwordTooLong"),
    confirm: z.string().min(1, "confirmRequired"),
  })
  .refine((d) => d.password === d.confirm, { path: ["confirm"], message: "confirmMismatch" });
export type SetPasswordInput = z.infer<typeof setPasswordSchema>;

export const forgotPasswordSchema = z.object({
  email: z.string().trim().min(1, "emailRequired").max(254, "emailInvalid").email("emailInvalid"),
});
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;
