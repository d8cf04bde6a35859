import { z } from 'zod';
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from '../../domain/api-keys/api-keys.ts';
import { PageInputSchema, pageSchema } from '../../domain/pagination/page.ts';
import { userErrorResponses } from '../../rest/error-responses.ts';
import { created } from '../../rest/success-policy.ts';
import { router, userProcedure } from '../trpc.ts';

const tags = ['api-keys'];
const byId = z.object({ id: z.uuid({ message: 'must be an API key id (a UUID)' }) });

const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.enum(['user', 'worker']),
    prefix: z.string().meta({ description: 'The first characters of the key, to tell keys apart' }),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });
const CreatedKeySchema = z.object({ key: z.string(), apiKey: ApiKeySchema });

export const apiKeysRouter = router({
  create: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api-keys',
        tags,
        summary: 'Create an API key acting as you (the key is shown once)',
        errorResponses: userErrorResponses('VALIDATION_ERROR'),
      },
      success: created(CreatedKeySchema, ({ apiKey }) => `/api-keys/${apiKey.id}`),
    })
    .input(
      z.object({
        name: z.string().trim().min(1).max(100),
        expiresAt: z.iso
          .datetime({ offset: true })
          .optional()
          .meta({ description: 'Optional expiry (ISO-8601)' }),
      }),
    )
    .output(CreatedKeySchema)
    .mutation(({ ctx, input }) =>
      createApiKey({
        db: ctx.services.db,
        origin: ctx.origin,
        userId: ctx.user.id,
        name: input.name,
        scope: 'user',
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : undefined,
      }),
    ),

  list: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api-keys',
        tags,
        summary: 'Your API keys (revoked ones too), newest first',
        errorResponses: userErrorResponses('VALIDATION_ERROR'),
      },
    })
    .input(PageInputSchema)
    .output(pageSchema(ApiKeySchema))
    .query(({ ctx, input }) => listApiKeys({ db: ctx.services.db, userId: ctx.user.id, ...input })),

  get: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api-keys/{id}',
        tags,
        summary: 'One of your API keys (never its secret)',
        errorResponses: userErrorResponses('API_KEY_NOT_FOUND', 'VALIDATION_ERROR'),
      },
    })
    .input(byId)
    .output(ApiKeySchema)
    .query(({ ctx, input }) => getApiKey({ db: ctx.services.db, userId: ctx.user.id, id: input.id })),

  revoke: userProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/api-keys/{id}',
        tags,
        summary: 'Revoke an API key',
        errorResponses: userErrorResponses('API_KEY_NOT_FOUND', 'VALIDATION_ERROR'),
      },
    })
    .input(byId)
    .output(ApiKeySchema)
    .mutation(({ ctx, input }) =>
      revokeApiKey({
        db: ctx.services.db,
        cache: ctx.services.credentialCache,
        origin: ctx.origin,
        userId: ctx.user.id,
        id: input.id,
      }),
    ),
});
