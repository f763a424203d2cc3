import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("must be an email address")).pipe(z.string().max(254));
export const passwordSchema = z.string().min(8, "must be at least 8 characters").max(200, "must be at most 200 characters");

export const signUpBody = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().max(100).optional(),
  inviteToken: z.string().max(200).optional(),
});
export type SignUpBody = z.infer<typeof signUpBody>;

export const signInBody = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

export const verifyEmailBody = z.object({ token: z.string().min(1).max(200) });
