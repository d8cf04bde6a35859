import { describe, expect, test } from 'vitest';
import { postgresLocalSettings, postgresPreamble } from './session-settings.ts';

describe('postgresPreamble', () => {
  test('sets the search path to the target schema, quoted, then pg_temp; pg_catalog stays unlisted', () => {
    expect(postgresPreamble()).toContain('SET search_path = "public", pg_temp;');
    expect(postgresPreamble('we"ird, evil')).toContain('SET search_path = "we""ird, evil", pg_temp;');
    expect(postgresPreamble().join('\n')).not.toMatch(/pg_catalog/);
  });

  test('the transaction form sets the same settings with SET LOCAL', () => {
    expect(postgresLocalSettings()).toEqual(postgresPreamble().map((s) => s.replace(/^SET /, 'SET LOCAL ')));
  });
});
