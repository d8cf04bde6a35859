import { z } from 'zod';
import { DashboardSummarySchema, dashboardSummary } from '../../domain/dashboard/summary.ts';
import { errorResponses } from '../../rest/error-responses.ts';
import { router, userProcedure } from '../trpc.ts';

export const dashboardRouter = router({
  summary: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/dashboard',
        tags: ['dashboard'],
        summary: 'Your designs, databases and connections at a glance',
        description:
          'Counts (designs; live databases by status; connections active and inactive), the 5 most recently changed designs with their database status, the 5 newest connections with their last test, and up to 10 databases that need attention (failed, or behind their design). One round trip to the metadata database.',
        errorResponses: errorResponses(),
      },
    })
    .input(z.void())
    .output(DashboardSummarySchema)
    .query(({ ctx }) => dashboardSummary({ sql: ctx.services.sql, ownerId: ctx.user.id })),
});
