import { describe, expect, test } from 'vitest';
import { MARKER_PREFIX, type Marker, markerIsFor, markerLiteral, parseMarker } from './markers.ts';

const marker: Marker = {
  kind: 'role',
  instance: 'prod',
  designId: "d'1",
  database: 'sb_ada_blog_x',
  createdAt: '2024-01-01T00:00:00.000Z',
};

describe('markers', () => {
  test('round-trip through the quoted COMMENT literal', () => {
    const literal = markerLiteral(marker);
    expect(literal.startsWith(`'${MARKER_PREFIX}`)).toBe(true);
    const unquoted = literal.slice(1, -1).replaceAll("''", "'");
    expect(parseMarker(unquoted)).toEqual(marker);
  });

  test.each([
    ['no comment', null],
    ['an ordinary comment', 'the finance team database'],
    ['our prefix with broken JSON', `${MARKER_PREFIX}{`],
    ['our prefix with a JSON array', `${MARKER_PREFIX}[]`],
    ['an unknown kind', `${MARKER_PREFIX}${JSON.stringify({ ...marker, kind: 'table' })}`],
    ['a missing instance', `${MARKER_PREFIX}${JSON.stringify({ ...marker, instance: undefined })}`],
    ['a fractional version', `${MARKER_PREFIX}${JSON.stringify({ ...marker, version: 1.5 })}`],
  ])('treat %s as unmarked', (_case, comment) => {
    expect(parseMarker(comment)).toBeUndefined();
  });

  test.each([
    ['the same deployment, design and database', {}, true],
    ['another deployment', { instance: 'staging' }, false],
    ['another design', { designId: 'd2' }, false],
    ['another database', { database: 'sb_other' }, false],
  ])('match %s: %s', (_case, change, expected) => {
    expect(
      markerIsFor(marker, { instance: 'prod', designId: "d'1", database: 'sb_ada_blog_x', ...change }),
    ).toBe(expected);
  });
});
