import { z } from 'zod';
import { AppError } from '../../errors/codes.ts';

/**
 * A cursor is opaque to clients: base64url of JSON `{ o, k }`, the order it was made for and the
 * sort key of the last item given (its values as PostgreSQL text, so timestamps keep their
 * microseconds). A cursor of another order (e.g. another `sort`) is refused, not misread.
 */
const CursorSchema = z.object({ o: z.string(), k: z.array(z.string()).min(1).max(4) });

export function encodeCursor(order: string, keys: readonly string[]): string {
  return Buffer.from(JSON.stringify({ o: order, k: keys })).toString('base64url');
}

/** The sort key a cursor holds; 422 at `cursor` when it was not made by this order. */
export function decodeCursor(cursor: string, order: string, keyCount: number): string[] {
  const parsed = CursorSchema.safeParse(parseJson(Buffer.from(cursor, 'base64url').toString('utf8')));
  if (!parsed.success || parsed.data.o !== order || parsed.data.k.length !== keyCount) {
    throw new AppError('VALIDATION_ERROR', 'The cursor is not one this list gave.', {
      details: [
        {
          path: 'cursor',
          code: 'invalid_cursor',
          message: 'must be the `nextCursor` of the previous page of this list (and the same `sort`)',
        },
      ],
    });
  }
  return parsed.data.k;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
