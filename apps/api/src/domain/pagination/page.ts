import { z } from 'zod';

/** The query of every list: how many items, and where the last page ended. */
export const PageInputSchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .meta({ description: 'Items per page (1–100, default 20)' }),
  cursor: z
    .string()
    .max(1000)
    .optional()
    .meta({ description: "The previous page's `nextCursor`; absent for the first page" }),
});

export type PageInput = z.infer<typeof PageInputSchema>;

/** The answer of every list: a page of items and the cursor of the next page (null: the last). */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as `cursor` for the next page; null when this is the last one' }),
  });
}

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}
