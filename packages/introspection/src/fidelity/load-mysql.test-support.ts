import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { SAFE_MYSQL_OPTIONS } from '../mysql/options.ts';

/**
 * What the mysql client does with a script, for scripts that use `DELIMITER` (a client command):
 * with the usual `;`, a block goes to the server as one multi-statement batch; with another
 * delimiter (`;;`, `//`), each statement it ends goes on its own, semicolons inside included.
 */
export function mysqlBatches(script: string): string[] {
  const batches: string[] = [];
  let delimiter = ';';
  let block: string[] = [];
  const flush = () => {
    const text = block.join('\n');
    block = [];
    if (text.trim() === '') return;
    if (delimiter === ';') batches.push(text);
    else batches.push(...text.split(delimiter).filter((statement) => statement.trim() !== ''));
  };
  for (const line of script.split('\n')) {
    const directive = /^\s*delimiter\s+(\S+)\s*$/i.exec(line);
    if (directive) {
      flush();
      delimiter = directive[1] ?? ';';
    } else {
      block.push(line);
    }
  }
  flush();
  return batches;
}

/** Statements that create, drop or switch databases: the loader's fresh database must stay the one in use. */
const DATABASE_LEVEL = /^[ \t]*(?:(?:drop|create)[ \t]+(?:schema|database)\b|use[ \t]+)[^;]*;/gim;

/**
 * A script that makes and switches to its own database (`CREATE SCHEMA sakila; USE sakila;`)
 * made to run in `database` instead: those statements are skipped, and names qualified with the
 * database they switched to (`sakila.film` in a view) point at `database`. Reports what it did.
 */
export function intoDatabase(script: string, database: string): { script: string; notes: string[] } {
  const switchedTo = new Set<string>();
  let removed = 0;
  let rewritten = script.replace(DATABASE_LEVEL, (statement) => {
    removed++;
    const use = /^\s*use\s+`?([\w$]+)`?/i.exec(statement);
    if (use?.[1]) switchedTo.add(use[1]);
    return `-- [fidelity loader: skipped] ${statement.replace(/\s+/g, ' ')}`;
  });
  const notes =
    removed > 0 ? [`${removed} statement(s) creating, dropping or switching databases skipped`] : [];
  for (const name of switchedTo) {
    let count = 0;
    rewritten = rewritten.replace(new RegExp(`\\b${name}\\.(?=[\\w\`])`, 'g'), () => {
      count++;
      return `\`${database}\`.`;
    });
    if (count > 0)
      notes.push(`${count} name(s) qualified with database ${name} pointed at the test database`);
  }
  return { script: rewritten, notes };
}

export interface MariadbDatabase {
  name: string;
  /** For introspection: SAFE_MYSQL_OPTIONS, one statement per query. */
  connection: mysql.Connection;
  /** Runs corpus scripts (multi-statement batches); LOCAL INFILE stays off here too. */
  load(script: string): Promise<void>;
  drop(): Promise<void>;
}

export { mariadbUnavailable } from '@schema-builder/testing/mariadb';

/** A fresh `<prefix>_<random>` database, dropped by `drop()`. */
export async function createMariadbDatabase(url: string, prefix = 'sbfid'): Promise<MariadbDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection({ uri: url, ...SAFE_MYSQL_OPTIONS });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  const connection = await mysql.createConnection({ uri: url, ...SAFE_MYSQL_OPTIONS, database: name });
  const loader = await mysql.createConnection({
    uri: url,
    ...SAFE_MYSQL_OPTIONS,
    multipleStatements: true,
    database: name,
  });
  return {
    name,
    connection,
    async load(script) {
      for (const batch of mysqlBatches(script)) await loader.query(batch);
    },
    async drop() {
      await Promise.allSettled([connection.end(), loader.end()]);
      try {
        await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await admin.end();
      }
    },
  };
}
