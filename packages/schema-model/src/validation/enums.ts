import type { ValidationContext } from './context.ts';
import { quoted } from './context.ts';
import { checkName, exceedsIdentifierBytes, tooLongMessage } from './names.ts';

/** Enum types: a valid name and a non-empty list of distinct labels PostgreSQL accepts. */
export function checkEnums(ctx: ValidationContext): void {
  ctx.enums.forEach((enumType, e) => {
    const usable = checkName(ctx, enumType.name, ['enums', e, 'name'], {
      kind: 'Enum',
      position: e,
      reserved: 'type',
    });
    const label = usable ? `Enum ${quoted(enumType.name)}` : `Enum ${e + 1}`;
    if (enumType.values.length === 0) {
      ctx.error('ENUM_WITHOUT_VALUES', ['enums', e, 'values'], `${label} has no values. Add at least one.`);
      return;
    }
    const seen = new Set<string>();
    enumType.values.forEach((value, v) => {
      const path = ['enums', e, 'values', v];
      if (seen.has(value)) {
        ctx.error('DUPLICATE_ENUM_VALUE', path, `${label} lists the value ${quoted(value)} twice.`);
        return;
      }
      seen.add(value);
      if (value === '') {
        ctx.error('INVALID_ENUM_VALUE', path, `${label} has an empty value (value ${v + 1}).`);
      } else if (value.includes('\u0000')) {
        ctx.error(
          'INVALID_ENUM_VALUE',
          path,
          `Value ${quoted(value)} of ${lower(label)} contains a NUL character.`,
        );
      } else {
        const bytes = exceedsIdentifierBytes(value);
        if (bytes !== undefined) {
          ctx.error(
            'INVALID_ENUM_VALUE',
            path,
            tooLongMessage(`Value ${quoted(value)} of ${lower(label)}`, value, bytes),
          );
        }
      }
    });
  });
}

function lower(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}
