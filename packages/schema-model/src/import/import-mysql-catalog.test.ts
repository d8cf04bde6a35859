import { describe, expect, test } from 'vitest';
import {
  catalog,
  codes,
  column,
  columnOf,
  foreignKey,
  idKey,
  importValid,
  index,
  table,
  tableOf,
} from './catalog-builders.test-support.ts';

describe('catalogToDesign: a MySQL database', () => {
  const result = importValid(
    catalog(
      [
        table(
          'film',
          [
            column('film_id', 'smallint(5) unsigned', { nullable: false, autoIncrement: true }),
            column('rating', "enum('G','PG','R')", { default: "'G'" }),
            column('special', "set('Trailers','Commentaries')"),
            column('released', 'tinyint(1)', { default: '1' }),
            column('last_update', 'timestamp', {
              nullable: false,
              default: 'current_timestamp()',
              onUpdate: 'current_timestamp()',
            }),
            column('xmin', 'int(11)'),
            column('a'.repeat(64), 'int(11)'),
          ],
          {
            ...idKey(['film_id']),
            indexes: [index('idx_title', ['rating']), index('ft', ['special'], { method: 'fulltext' })],
          },
        ),
        table(
          'actor',
          [
            column('actor_id', 'int(10) unsigned', { nullable: false, autoIncrement: true }),
            column('rating', "enum('G','PG','R')"),
          ],
          {
            ...idKey(['actor_id']),
            indexes: [index('idx_title', ['rating']), index('film', ['rating'])],
            foreignKeys: [foreignKey('fk_actor_rating', ['rating'], 'film', ['rating'])],
          },
        ),
      ],
      { schema: 'sakila', unsupported: [{ kind: 'procedure', name: 'rewards_report' }] },
    ),
    'mysql',
  );
  const { document } = result;

  test('each enum column gets an enum of its own, named after the table and column', () => {
    expect(document.enums).toEqual([
      { id: 'e_film_rating', name: 'film_rating', values: ['G', 'PG', 'R'] },
      { id: 'e_actor_rating', name: 'actor_rating', values: ['G', 'PG', 'R'] },
    ]);
    expect(columnOf(document, 'film', 'rating')).toMatchObject({
      dataType: 'ENUM',
      enumId: 'e_film_rating',
      defaultValue: 'G',
    });
  });

  test('MySQL types and defaults read as documented', () => {
    expect(columnOf(document, 'film', 'film_id')).toMatchObject({
      dataType: 'SMALLINT',
      unsigned: true,
      autoIncrement: true,
    });
    expect(columnOf(document, 'actor', 'actor_id')).toMatchObject({
      dataType: 'INTEGER',
      unsigned: true,
      autoIncrement: true,
    });
    expect(columnOf(document, 'film', 'released')).toMatchObject({ dataType: 'BOOLEAN', defaultValue: true });
    expect(columnOf(document, 'film', 'last_update')).toMatchObject({
      dataType: 'TIMESTAMPTZ',
      defaultValue: 'CURRENT_TIMESTAMP',
    });
    expect(columnOf(document, 'film', 'special')).toMatchObject({ dataType: 'TEXT' });
  });

  test('names PostgreSQL cannot take are changed, and said so', () => {
    expect(tableOf(document, 'film').columns.map((c) => c.name)).toContain('xmin_');
    const long = tableOf(document, 'film').columns.find((c) => c.name.startsWith('aaaa'));
    expect(new TextEncoder().encode(long?.name).length).toBeLessThanOrEqual(63);
    expect(tableOf(document, 'actor').indexes?.map((i) => i.name)).toEqual(['actor_idx_title', 'actor_film']);
    expect(codes(result)).toEqual(
      expect.arrayContaining([
        'NAME_CHANGED tables.film.columns.xmin',
        `NAME_CHANGED tables.film.columns.${'a'.repeat(64)}`,
        'NAME_CHANGED tables.actor.indexes.idx_title',
        'NAME_CHANGED tables.actor.indexes.film',
        'ON_UPDATE_DROPPED tables.film.columns.last_update',
        'DEFAULT_REWRITTEN tables.film.columns.last_update',
        'INDEX_METHOD tables.film.indexes.ft',
        'TYPE_UNSUPPORTED tables.film.columns.special',
        'UNSUPPORTED_PROCEDURE procedures.rewards_report',
      ]),
    );
  });

  test('a foreign key between different enums (or to non-unique columns) is dropped', () => {
    expect(document.foreignKeys).toEqual([]);
    expect(codes(result)).toContain('FK_DROPPED tables.actor.foreignKeys.fk_actor_rating');
  });
});
