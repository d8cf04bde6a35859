import { describe, expect, test } from 'vitest';
import { digestTag, matchesStrongly, noneMatch, parseEntityTags, versionOfTag, versionTag } from './etag.ts';

describe('entity tags', () => {
  test('a design is tagged by its version, and the tag names it back', () => {
    expect(versionTag(7)).toBe('"v7"');
    expect(versionOfTag('"v7"')).toBe(7);
    expect(versionOfTag('W/"v7"')).toBeUndefined();
    expect(versionOfTag('"v07"')).toBeUndefined();
    expect(versionOfTag('"h7"')).toBeUndefined();
  });

  test('a digest tag depends on every byte of the body and on nothing else', () => {
    expect(digestTag('{"a":1}')).toBe(digestTag('{"a":1}'));
    expect(digestTag('{"a":1}')).not.toBe(digestTag('{"a":2}'));
    expect(digestTag('{"a":1}')).toMatch(/^"h[\w-]{27}"$/);
  });

  test('a header is `*` or its list of tags, weak ones with their W/', () => {
    expect(parseEntityTags(' * ')).toBe('*');
    expect(parseEntityTags('"v1", W/"v2" ,"a,b"')).toEqual(['"v1"', 'W/"v2"', '"a,b"']);
    expect(parseEntityTags('v1')).toEqual([]);
  });

  test('If-None-Match compares weakly: W/"v1" matches "v1", * matches anything', () => {
    expect(noneMatch('"v1"', '"v1"')).toBe(false);
    expect(noneMatch('W/"v1"', '"v1"')).toBe(false);
    expect(noneMatch('"v0", "v1"', '"v1"')).toBe(false);
    expect(noneMatch('*', '"v1"')).toBe(false);
    expect(noneMatch('"v2"', '"v1"')).toBe(true);
    expect(noneMatch('v1', '"v1"')).toBe(true);
  });

  test('If-Match compares strongly: a weak tag never matches, * matches anything', () => {
    expect(matchesStrongly('"v1"', '"v1"')).toBe(true);
    expect(matchesStrongly('"v0", "v1"', '"v1"')).toBe(true);
    expect(matchesStrongly('*', '"v1"')).toBe(true);
    expect(matchesStrongly('W/"v1"', '"v1"')).toBe(false);
    expect(matchesStrongly('"v2"', '"v1"')).toBe(false);
  });
});
