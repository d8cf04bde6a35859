import { SignInSchema, SignUpSchema } from '@schema-builder/contracts/auth';
import { z } from 'zod';
import type { AccountSettings } from '../../domain/auth/accounts.ts';
import { currentUser, signIn, signOut, signUp } from '../../domain/auth/accounts.ts';
import type { Config } from '../../env.ts';
import { AppError } from '../../errors/codes.ts';
import { CROSS_SITE_MESSAGE } from '../../http/cross-site-writes.ts';
import type { SessionCookie } from '../../http/session-cookie.ts';
import { errorResponses } from '../../rest/error-responses.ts';
import { withExample } from '../../rest/examples.ts';
import { created } from '../../rest/success-policy.ts';
import { publicProcedure, router, userProcedure } from '../trpc.ts';

const tags = ['auth'];

const UserSchema = z
  .object({ id: z.string(), email: z.string().nullable(), name: z.string(), createdAt: z.string() })
  .meta({ id: 'User' });
const SessionSchema = z.object({ token: z.string(), user: UserSchema }).meta({ id: 'Session' });
/** A browser session: the token is in the HttpOnly cookie only, so a page script never sees it. */
const BrowserSessionSchema = z.object({ user: UserSchema }).meta({ id: 'BrowserSession' });

const BROWSER_SESSION_NOTE =
  'The session token is set in an `HttpOnly`, `SameSite=Lax`, `Path=/` cookie (`Secure` over HTTPS) and is never in the body. Accepted only from a page of this app (`Origin`, or `Sec-Fetch-Site: same-origin`); afterwards, writes signed in by the cookie must come from this app too (403 otherwise). API clients use the sign-in and sign-up above with `Authorization: Bearer`.';

const settings = (config: Config): AccountSettings => ({
  sessionTtlHours: config.SESSION_TTL_HOURS,
  throttle: {
    backoffAfterFailures: config.SIGN_IN_BACKOFF_AFTER_FAILURES,
    backoffMaxSeconds: config.SIGN_IN_BACKOFF_MAX_SECONDS,
    accountMaxFailures: config.SIGN_IN_ACCOUNT_MAX_FAILURES,
    windowMinutes: config.SIGN_IN_WINDOW_MINUTES,
  },
});

/** A browser session starts only from a page of this app: another site cannot sign a visitor in. */
function startBrowserSession(
  cookie: SessionCookie,
  config: Config,
  session: Promise<{ token: string; user: z.infer<typeof UserSchema> }>,
) {
  return session.then(({ token, user }) => {
    cookie.set(token, config.SESSION_TTL_HOURS * 3600);
    return { user };
  });
}

function assertFromThisApp(cookie: SessionCookie): void {
  if (!cookie.fromThisApp()) throw new AppError('FORBIDDEN', CROSS_SITE_MESSAGE);
}

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

  browserSignUp: publicProcedure
    .meta({
      rateClass: 'signUp',
      openapi: {
        method: 'POST',
        path: '/auth/browser/sign-up',
        tags,
        summary: 'Create an account and start a browser session',
        description: `Creates an account like \`POST /auth/sign-up\` and signs this browser in. ${BROWSER_SESSION_NOTE}`,
        errorResponses: errorResponses('VALIDATION_ERROR', 'EMAIL_TAKEN', 'FORBIDDEN', 'RATE_LIMITED'),
      },
      success: created(BrowserSessionSchema, () => '/auth/me'),
    })
    .input(
      withExample(SignUpSchema, {
        email: 'grace@example.com',
        password: 'correct horse battery',
        name: 'Grace',
      }),
    )
    .output(BrowserSessionSchema)
    .mutation(({ ctx, input }) => {
      assertFromThisApp(ctx.sessionCookie);
      const { db, config } = ctx.services;
      return startBrowserSession(
        ctx.sessionCookie,
        config,
        signUp({ db, settings: settings(config), origin: ctx.origin, credentials: input }),
      );
    }),

  browserSignIn: publicProcedure
    .meta({
      rateClass: 'signIn',
      openapi: {
        method: 'POST',
        path: '/auth/browser/sign-in',
        tags,
        summary: 'Sign in: a browser session',
        description: `Checks the password like \`POST /auth/sign-in\` (the same 401, and 429 with \`Retry-After\` after repeated failures) and signs this browser in. ${BROWSER_SESSION_NOTE}`,
        errorResponses: errorResponses(
          'VALIDATION_ERROR',
          'INVALID_CREDENTIALS',
          'FORBIDDEN',
          'RATE_LIMITED',
        ),
      },
    })
    .input(withExample(SignInSchema, { email: 'ada@example.com', password: 'correct horse battery' }))
    .output(BrowserSessionSchema)
    .mutation(({ ctx, input }) => {
      assertFromThisApp(ctx.sessionCookie);
      const { db, config } = ctx.services;
      return startBrowserSession(
        ctx.sessionCookie,
        config,
        signIn({ db, settings: settings(config), origin: ctx.origin, credentials: input }),
      );
    }),

  signOut: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/sign-out',
        tags,
        summary: 'Revoke the current session',
        description:
          'The token sent (bearer or the browser session cookie) is revoked at once, and the cookie is cleared; other sessions and API keys stay valid. Called with an API key, it signs nothing out and answers the same.',
        errorResponses: errorResponses(),
      },
    })
    .input(z.void())
    .output(z.object({ signedOut: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      const signedOut = await signOut({
        db: ctx.services.db,
        cache: ctx.services.credentialCache,
        origin: ctx.origin,
        userId: ctx.user.id,
        ...(ctx.principal.via === 'session' ? { sessionId: ctx.principal.sessionId } : {}),
      });
      ctx.sessionCookie.clear();
      return signedOut;
    }),

  me: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/auth/me',
        tags,
        summary: 'The signed-in user',
        description:
          'Who the credentials sent act as: the account behind a session token (bearer or the browser session cookie) or a user API key.',
        errorResponses: errorResponses(),
      },
    })
    .input(z.void())
    .output(UserSchema)
    .query(({ ctx }) => currentUser({ db: ctx.services.db, userId: ctx.user.id })),
});
