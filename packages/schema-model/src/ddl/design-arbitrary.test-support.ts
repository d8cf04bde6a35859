import fc from 'fast-check';
import { NAME_CHARS, nameArb, textArb } from './design-arbitrary-names.test-support.ts';
import type { TypedColumn } from './design-arbitrary-types.test-support.ts';
import { opt, typedColumnArb } from './design-arbitrary-types.test-support.ts';

/**
 * Test support (fast-check only, no I/O): an arbitrary of valid design documents — random names,
 * every data type with valid modifiers and defaults, enums, composite keys, foreign keys between
 * compatible columns (self-references and cycles included), indexes, comments. `blueprintArb`
 * draws the choices; `buildDesign` (design-arbitrary-build.ts) turns them into a document that validates, avoiding the names
 * PostgreSQL reserves (`Reserved`). Shared by the DDL and the migration property tests.
 */

interface ColumnBlueprint {
  name: string;
  typed: TypedColumn;
  nullable: boolean;
  unique: boolean;
  autoIncrement: boolean;
  comment: string | undefined;
  pick: number;
}

const columnArb: fc.Arbitrary<ColumnBlueprint> = fc.record({
  name: nameArb,
  typed: typedColumnArb,
  nullable: fc.boolean(),
  unique: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  autoIncrement: fc.boolean(),
  comment: opt(textArb),
  pick: fc.nat(),
});

const indexArb = fc.record({
  name: nameArb,
  /** Take the name another object would get by PostgreSQL convention, to provoke collisions. */
  adversarial: fc.constantFrom(undefined, '_pkey', '_id_seq'),
  columns: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 3 }),
  unique: fc.boolean(),
});

const tableArb = fc.record({
  name: nameArb,
  comment: opt(textArb),
  columns: fc.array(columnArb, { minLength: 1, maxLength: 6 }),
  primaryKeySize: fc.integer({ min: 1, max: 3 }),
  indexes: fc.array(indexArb, { maxLength: 2 }),
});

const ACTIONS = [
  'NO ACTION',
  'RESTRICT',
  'CASCADE',
  'SET NULL',
  'SET DEFAULT',
  'set null',
  'cascade',
] as const;

const foreignKeyArb = fc.record({
  source: fc.nat(),
  target: fc.nat(),
  nullable: fc.boolean(),
  onDelete: opt(fc.constantFrom(...ACTIONS)),
  onUpdate: opt(fc.constantFrom(...ACTIONS)),
  name: opt(nameArb),
  columnNames: fc.array(nameArb, { minLength: 3, maxLength: 3 }),
  indexed: fc.boolean(),
});

const enumArb = fc.record({
  name: nameArb,
  values: fc.uniqueArray(
    fc.oneof(
      fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 10 }),
      fc.constantFrom('x'.repeat(63), 'é'.repeat(31)),
    ),
    { minLength: 1, maxLength: 5 },
  ),
  comment: opt(textArb),
});

export const blueprintArb = fc.record({
  enums: fc.array(enumArb, { maxLength: 3 }),
  tables: fc.array(tableArb, { minLength: 1, maxLength: 5 }),
  foreignKeys: fc.array(foreignKeyArb, { maxLength: 6 }),
});

export type Blueprint = typeof blueprintArb extends fc.Arbitrary<infer T> ? T : never;

export type { Reserved } from './design-arbitrary-build.test-support.ts';
export { buildDesign, isJson, SYSTEM_COLUMNS } from './design-arbitrary-build.test-support.ts';
