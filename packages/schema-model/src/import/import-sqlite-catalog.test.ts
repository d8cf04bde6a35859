import { describe, expect, test } from 'vitest';
import {
  catalog,
  codes,
  column,
  columnOf,
  foreignKey,
  idKey,
  importValid,
  table,
} from './catalog-builders.test-support.ts';

describe('catalogToDesign: a SQLite database', () => {
  const result = importValid(
    catalog(
      [
        table(
          'artist',
          [
            column('ArtistId', 'INTEGER', { nullable: false, autoIncrement: true }),
            column('Name', 'NVARCHAR(120)'),
          ],
          idKey(['ArtistId']),
        ),
        table(
          'album',
          [
            column('AlbumId', 'INTEGER', { nullable: false, autoIncrement: true }),
            column('ArtistId', 'INTEGER', { nullable: false }),
            column('Flag', 'BOOLEAN', { default: '0' }),
            column('Anything', ''),
          ],
          {
            ...idKey(['AlbumId']),
            foreignKeys: [
              foreignKey(null, ['ArtistId'], 'artist', []),
              foreignKey(null, ['ArtistId'], 'missing', ['id']),
            ],
          },
        ),
      ],
      { schema: 'main' },
    ),
    'sqlite',
  );

  test('a foreign key without referenced columns references the primary key; one to a missing table is dropped', () => {
    expect(result.document.foreignKeys).toEqual([
      {
        id: 'fk_album_ArtistId',
        sourceTableId: 't_album',
        sourceColumnId: 'c_album_ArtistId',
        targetTableId: 't_artist',
        targetColumnId: 'c_artist_ArtistId',
        onDelete: 'NO ACTION',
        onUpdate: 'NO ACTION',
      },
    ]);
    expect(codes(result)).toEqual([
      'TYPE_UNSUPPORTED tables.album.columns.Anything',
      'FK_DROPPED tables.album.foreignKeys.2',
    ]);
  });

  test('declared types and 0/1 booleans', () => {
    expect(columnOf(result.document, 'artist', 'Name')).toMatchObject({ dataType: 'VARCHAR', length: 120 });
    expect(columnOf(result.document, 'album', 'Flag')).toMatchObject({
      dataType: 'BOOLEAN',
      defaultValue: false,
    });
  });
});
