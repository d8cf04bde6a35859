import { SignInSchema, SignUpSchema } from '@schema-builder/contracts/auth';
import { z } from 'zod';
import type { AccountSettings } from '../../domain/auth/accounts.ts';
import { currentUser, signIn, signOut, signUp } from '../../domain/auth/accounts.ts';
import type { Config } from '../../env.ts';
import { errorResponses } from '../../rest/error-responses.ts';
import { withExample } from '../../rest/examples.ts';
import { created } from '../../rest/success-policy.ts';
import { publicProcedure, router, userProcedure } from '../trpc.ts';

const tags = ['auth'];

const UserSchema = z
  .object({ id: z.string(), email: z.string().nullable(), name: z.string(), createdAt: z.string() })
  .meta({ id: 'User' });
const SessionSchema = z.object({ token: z.string(), user: UserSchema }).meta({ id: 'Session' });

const settings = (config: Config): AccountSettings => ({
  sessionTtlHours: config.SESSION_TTL_HOURS,
  throttle: {
    backoffAfterFailures: config.SIGN_IN_BACKOFF_AFTER_FAILURES,
    backoffMaxSeconds: config.SIGN_IN_BACKOFF_MAX_SECONDS,
    accountMaxFailures: config.SIGN_IN_ACCOUNT_MAX_FAILURES,
    windowMinutes: config.SIGN_IN_WINDOW_MINUTES,
  },
});

export const authRouter = router({
  signUp: publicProcedure
    .meta({
      rateClass: 'signUp',
      openapi: {
        method: 'POST',
        path: '/auth/sign-up',
        tags,
        summary: 'Create an account (and sign in)',
        description:
          'Creates an account and answers a session token for `Authorization: Bearer`, so the next call can be made at once. The e-mail is case-insensitive; the password needs 10 characters or more.',
        errorResponses: errorResponses('VALIDATION_ERROR', 'EMAIL_TAKEN', 'RATE_LIMITED'),
      },
      // The account is read back, with the session token answered here, at /auth/me.
      success: created(SessionSchema, () => '/auth/me'),
    })
    .input(
      withExample(SignUpSchema, { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' }),
    )
    .output(SessionSchema)
    .mutation(({ ctx, input }) =>
      signUp({
        db: ctx.services.db,
        settings: settings(ctx.services.config),
        origin: ctx.origin,
        credentials: input,
      }),
    ),

  signIn: publicProcedure
    .meta({
      rateClass: 'signIn',
      openapi: {
        method: 'POST',
        path: '/auth/sign-in',
        tags,
        summary: 'Sign in: a session token',
        description:
          'Answers a session token for `Authorization: Bearer` and the user. Repeated failures slow down further attempts for the account (429 with `Retry-After`).',
        errorResponses: errorResponses('VALIDATION_ERROR', 'INVALID_CREDENTIALS', 'RATE_LIMITED'),
      },
    })
    .input(withExample(SignInSchema, { email: 'ada@example.com', password: 'correct horse battery' }))
    .output(SessionSchema)
    .mutation(({ ctx, input }) =>
      signIn({
        db: ctx.services.db,
        settings: settings(ctx.services.config),
        origin: ctx.origin,
        credentials: input,
      }),
    ),

  signOut: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/sign-out',
        tags,
        summary: 'Revoke the current session',
        description:
          'The token sent is revoked at once; other sessions and API keys stay valid. Called with an API key, it signs nothing out and answers the same.',
        errorResponses: errorResponses(),
      },
    })
    .input(z.void())
    .output(z.object({ signedOut: z.literal(true) }))
    .mutation(({ ctx }) =>
      signOut({
        db: ctx.services.db,
        cache: ctx.services.credentialCache,
        origin: ctx.origin,
        userId: ctx.user.id,
        ...(ctx.principal.via === 'session' ? { sessionId: ctx.principal.sessionId } : {}),
      }),
    ),

  me: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/auth/me',
        tags,
        summary: 'The signed-in user',
        description: 'Who the credentials sent act as: the account behind a session token or a user API key.',
        errorResponses: errorResponses(),
      },
    })
    .input(z.void())
    .output(UserSchema)
    .query(({ ctx }) => currentUser({ db: ctx.services.db, userId: ctx.user.id })),
});
