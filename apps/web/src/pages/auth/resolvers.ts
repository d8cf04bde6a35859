import { zodResolver } from '@hookform/resolvers/zod';
import { SignInSchema, SignUpSchema } from '@schema-builder/contracts/auth';

/** The API's own schemas as form resolvers; loaded apart from the pages (see deferred-resolver.ts). */
export const signInResolver = zodResolver(SignInSchema);
export const signUpResolver = zodResolver(SignUpSchema);
