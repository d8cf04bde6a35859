import { describe, expect, test } from 'vitest';
import { MARKER_PREFIX, type Marker, markerIsFor, markerLiteral, parseMarker } from './markers.ts';

const marker: Marker = {
  kind: 'role',
  instance: 'prod',
  deployment: 'd-prod-metadata',
  designId: "d'1",
  database: 'sb_ada_blog_x',
  createdAt: '2024-01-01T00:00:00.000Z',
};

/** The text a quoted COMMENT literal stands for. */
const literalText = (literal: string) => literal.slice(1, -1).replaceAll("''", "'");

describe('markers', () => {
  test('round-trip through the quoted COMMENT literal', () => {
    const literal = markerLiteral(marker);
    expect(literal.startsWith(`'${MARKER_PREFIX}`)).toBe(true);
    expect(parseMarker(literalText(literal))).toEqual(marker);
  });

  test('round-trip a warm pool marker (no design yet)', () => {
    const pool: Marker = { ...marker, kind: 'pool', designId: '', database: 'sb_pool_0a1b2c3d_x1y2z3w4v5' };
    expect(parseMarker(literalText(markerLiteral(pool)))).toEqual(pool);
  });

  test('round-trip a schema marker part-way through a migration', () => {
    const migrating: Marker = { ...marker, kind: 'schema', version: 1, migratingTo: 2, phasesDone: 1 };
    expect(parseMarker(literalText(markerLiteral(migrating)))).toEqual(migrating);
  });

  test('read older markers without migration fields, and ignore half of the pair', () => {
    const older = { ...marker, kind: 'schema', version: 3 };
    expect(parseMarker(`${MARKER_PREFIX}${JSON.stringify(older)}`)).toEqual(older);
    expect(parseMarker(`${MARKER_PREFIX}${JSON.stringify({ ...older, migratingTo: 4 })}`)).toEqual(older);
  });

  test('read markers older than deployment ids; they match this deployment by name alone', () => {
    const { deployment: _, ...older } = marker;
    expect(parseMarker(`${MARKER_PREFIX}${JSON.stringify(older)}`)).toEqual(older);
    const expected = {
      instance: 'prod',
      deployment: 'd-prod-metadata',
      designId: "d'1",
      database: 'sb_ada_blog_x',
    };
    expect(markerIsFor(older, expected)).toBe(true);
    expect(markerIsFor(older, { ...expected, instance: 'staging' })).toBe(false);
  });

  test.each([
    ['no comment', null],
    [
      'a deployment id that is not a string',
      `${MARKER_PREFIX}${JSON.stringify({ ...marker, deployment: 7 })}`,
    ],
    ['an ordinary comment', 'the finance team database'],
    ['our prefix with broken JSON', `${MARKER_PREFIX}{`],
    ['our prefix with a JSON array', `${MARKER_PREFIX}[]`],
    ['an unknown kind', `${MARKER_PREFIX}${JSON.stringify({ ...marker, kind: 'table' })}`],
    ['a missing instance', `${MARKER_PREFIX}${JSON.stringify({ ...marker, instance: undefined })}`],
    ['a fractional version', `${MARKER_PREFIX}${JSON.stringify({ ...marker, version: 1.5 })}`],
    [
      'a fractional phase count',
      `${MARKER_PREFIX}${JSON.stringify({ ...marker, migratingTo: 2, phasesDone: 0.5 })}`,
    ],
  ])('treat %s as unmarked', (_case, comment) => {
    expect(parseMarker(comment)).toBeUndefined();
  });

  test.each([
    ['the same deployment, design and database', {}, true],
    ['another deployment name', { instance: 'staging' }, false],
    ['another deployment id under the same name', { deployment: 'd-other-metadata' }, false],
    ['another design', { designId: 'd2' }, false],
    ['another database', { database: 'sb_other' }, false],
  ])('match %s: %s', (_case, change, expected) => {
    expect(
      markerIsFor(marker, {
        instance: 'prod',
        deployment: 'd-prod-metadata',
        designId: "d'1",
        database: 'sb_ada_blog_x',
        ...change,
      }),
    ).toBe(expected);
  });
});
