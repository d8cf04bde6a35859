import { ApiKeyInputSchema } from '@schema-builder/contracts/api-keys';
import { z } from 'zod';
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from '../../domain/api-keys/api-keys.ts';
import { PageInputSchema, pageSchema } from '../../domain/pagination/page.ts';
import { errorResponses } from '../../rest/error-responses.ts';
import { EXAMPLE_IDS, withExample } from '../../rest/examples.ts';
import { created } from '../../rest/success-policy.ts';
import { router, userProcedure } from '../trpc.ts';

const tags = ['api-keys'];
const byId = withExample(z.object({ id: z.uuid({ message: 'must be an API key id (a UUID)' }) }), {
  id: EXAMPLE_IDS.apiKey,
});

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
        description:
          'For scripts and CI: send the key as `Authorization: Bearer <key>`. Only a hash is stored, so `key` in this answer is the only time it is shown. Without `expiresAt` the key lasts until revoked.',
        errorResponses: errorResponses('VALIDATION_ERROR'),
      },
      success: created(CreatedKeySchema, ({ apiKey }) => `/api-keys/${apiKey.id}`),
    })
    .input(withExample(ApiKeyInputSchema, { name: 'ci deploy', expiresAt: '2030-01-01T00:00:00Z' }))
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
        description:
          'Every key you created, revoked and expired ones included; never the key itself, only its prefix.',
        errorResponses: errorResponses('VALIDATION_ERROR'),
      },
    })
    .input(withExample(PageInputSchema, { limit: 20 }))
    .output(pageSchema(ApiKeySchema))
    .query(({ ctx, input }) => listApiKeys({ db: ctx.services.db, userId: ctx.user.id, ...input })),

  get: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api-keys/{id}',
        tags,
        summary: 'One of your API keys (never its secret)',
        description: 'Its name, prefix, creation, last use, expiry and revocation; never the key itself.',
        errorResponses: errorResponses('API_KEY_NOT_FOUND', 'VALIDATION_ERROR'),
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
        description:
          'Requests with the key fail from now on (401). An unknown or already revoked key answers 404 `API_KEY_NOT_FOUND`.',
        errorResponses: errorResponses('API_KEY_NOT_FOUND', 'VALIDATION_ERROR'),
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
