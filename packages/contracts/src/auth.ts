import { z } from 'zod';

/** Case-insensitive: stored and compared in lower case. */
const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'must be an e-mail address' }))
  .transform((value) => value.toLowerCase());
export const SignInSchema = z.object({ email, password: z.string().min(1).max(256) });
export const SignUpSchema = z.object({
  email,
  password: z.string().min(10, 'must be at least 10 characters').max(256),
  name: z.string().trim().max(200).optional(),
});

export type SignIn = z.input<typeof SignInSchema>;
export type SignUp = z.input<typeof SignUpSchema>;
