import { LIMITS } from '../design/data-types.ts';
import { byteLength, quoteIdent } from '../sql/quote.ts';
import type { Path, ValidationContext } from './context.ts';
import { quoted } from './context.ts';
import type { ReservedKind } from './reserved-names.ts';
import { reservedReason } from './reserved-names.ts';

export interface NameTarget {
  /** `Table`, `Column`, `Enum`, `Index`, `Foreign key`. */
  kind: string;
  /** Position in its list (0-based), to name the thing when it has no name. */
  position: number;
  /** Where the thing lives, e.g. ` in table "orders"`. */
  where?: string;
  /** Warn about names that need double quotes in hand-written SQL (tables and columns). */
  quoting?: boolean;
  /** Check the names PostgreSQL keeps for itself in this namespace. */
  reserved?: ReservedKind;
}

const SIMPLE_NAME = /^[a-z_][a-z0-9_$]*$/;
const CONTROL_CHARACTER = /\p{Cc}/u;
/** Half of a UTF-16 surrogate pair: not text, and PostgreSQL cannot store it. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** PostgreSQL counts identifier length in UTF-8 bytes; ≤ 21 UTF-16 units is always ≤ 63 bytes. */
export function exceedsIdentifierBytes(text: string): number | undefined {
  if (text.length <= LIMITS.identifierBytes / 3) return undefined;
  const bytes = byteLength(text);
  return bytes > LIMITS.identifierBytes ? bytes : undefined;
}

export function tooLongMessage(subject: string, text: string, bytes: number): string {
  const multiByte =
    bytes !== text.length ? ' Accented letters and other non-English characters take 2 to 4 bytes each.' : '';
  return `${subject} is ${bytes} bytes long, but PostgreSQL's limit is ${LIMITS.identifierBytes} bytes.${multiByte}`;
}

/** The usual snake_case name: short and plain, nothing to report (callers skip building paths). */
export function isPlainName(name: string): boolean {
  return name.length <= LIMITS.identifierBytes / 3 && SIMPLE_NAME.test(name);
}

/**
 * The rules every SQL name follows. Reserved words and any Unicode letter are fine: the DDL
 * generator always double-quotes identifiers. Returns false when the name is empty.
 */
export function checkName(ctx: ValidationContext, name: string, path: Path, target: NameTarget): boolean {
  const where = target.where ?? '';
  const reserved = target.reserved && reservedReason(name, target.reserved);
  if (reserved) {
    ctx.error(
      'NAME_RESERVED',
      path,
      `${target.kind} name ${quoted(name)}${where} ${reserved}. Choose another name.`,
    );
  }
  if (isPlainName(name)) return true;
  if (name.trim() === '') {
    ctx.error('NAME_EMPTY', path, `${target.kind} ${target.position + 1}${where} has no name.`);
    return false;
  }
  const subject = `${target.kind} name ${quoted(name)}${where}`;
  const bytes = exceedsIdentifierBytes(name);
  if (bytes !== undefined) ctx.error('NAME_TOO_LONG', path, tooLongMessage(subject, name, bytes));

  const problems: string[] = [];
  if (name.includes('\u0000')) problems.push('contains a NUL character');
  else if (LONE_SURROGATE.test(name)) problems.push('contains a broken (half) character');
  else if (CONTROL_CHARACTER.test(name)) problems.push('contains an invisible control character');
  if (name !== name.trim()) problems.push('starts or ends with a space');
  if (problems.length > 0) {
    ctx.error('NAME_INVALID_CHARACTERS', path, `${subject} ${problems.join(' and ')}. Remove it.`);
    return true;
  }

  if (target.quoting && !SIMPLE_NAME.test(name)) {
    ctx.warn(
      'NAME_NEEDS_QUOTING',
      path,
      `${subject} ${quotingReason(name)}, so it must be written in double quotes in SQL: ${quoteIdent(name)}.`,
    );
  }
  return true;
}

function quotingReason(name: string): string {
  if (/[A-Z]/.test(name)) return 'has capital letters';
  if (/^[0-9$]/.test(name)) return 'does not start with a letter or underscore';
  if (/\s/.test(name)) return 'contains spaces';
  return 'has characters other than a-z, digits and underscores';
}
