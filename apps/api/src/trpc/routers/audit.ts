import { z } from 'zod';
import { listEvents } from '../../domain/audit/list-events.ts';
import { PageInputSchema, pageSchema } from '../../domain/pagination/page.ts';
import { errorResponses } from '../../rest/error-responses.ts';
import { withExample } from '../../rest/examples.ts';
import { router, userProcedure } from '../trpc.ts';

const AuditEventSchema = z
  .object({
    id: z.string(),
    action: z.string(),
    resourceType: z.string(),
    resourceId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'AuditEvent' });

export const auditRouter = router({
  list: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/audit-events',
        tags: ['audit'],
        summary: 'What was done with your account, newest first',
        description:
          'Sign-ins, API keys, designs and databases: what was done, from which request and IP, and when. Paged by `limit` and `cursor`.',
        errorResponses: errorResponses('VALIDATION_ERROR'),
      },
    })
    .input(withExample(PageInputSchema, { limit: 20 }))
    .output(pageSchema(AuditEventSchema))
    .query(({ ctx, input }) => listEvents({ db: ctx.services.db, userId: ctx.user.id, ...input })),
});
