import { z } from 'zod';

/** A new API key: a name to tell it apart, and an optional expiry. */
export const ApiKeyInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  expiresAt: z.iso.datetime({ offset: true }).optional().meta({ description: 'Optional expiry (ISO-8601)' }),
});

export type ApiKeyInput = z.input<typeof ApiKeyInputSchema>;
