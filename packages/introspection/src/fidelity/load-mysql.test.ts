import { describe, expect, test } from 'vitest';
import { intoDatabase, mysqlBatches } from './load-mysql.test-support.ts';

describe('running MySQL scripts as the mysql client would', () => {
  test.each([
    [
      'plain statements go as one batch',
      'CREATE TABLE a (x int);\nCREATE TABLE b (y int);',
      ['CREATE TABLE a (x int);\nCREATE TABLE b (y int);'],
    ],
    [
      'another delimiter splits statements that contain semicolons',
      'CREATE TABLE a (x int);\nDELIMITER ;;\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END;;\nDELIMITER ;\nSELECT 1;',
      [
        'CREATE TABLE a (x int);',
        'CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END',
        '\nSELECT 1;',
      ],
    ],
    [
      'the directive is case-insensitive',
      'delimiter //\nSELECT 1; SELECT 2//\ndelimiter ;',
      ['SELECT 1; SELECT 2'],
    ],
  ])('%s', (_, script, batches) => {
    expect(mysqlBatches(script).map((batch) => batch.trim())).toEqual(batches.map((batch) => batch.trim()));
  });

  test("a script's own database is replaced by the test database", () => {
    const { script, notes } = intoDatabase(
      'DROP SCHEMA IF EXISTS sakila;\nCREATE SCHEMA sakila;\nUSE sakila;\nCREATE VIEW v AS SELECT * FROM sakila.film JOIN sakila.`actor`;',
      'sbfid_x',
    );
    expect(script).not.toMatch(/^\s*(USE|CREATE SCHEMA|DROP SCHEMA)/im);
    expect(script).toContain('FROM `sbfid_x`.film JOIN `sbfid_x`.`actor`');
    expect(notes).toEqual([
      '3 statement(s) creating, dropping or switching databases skipped',
      '2 name(s) qualified with database sakila pointed at the test database',
    ]);
  });
});
