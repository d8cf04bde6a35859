import type { Connection, RowDataPacket } from 'mysql2/promise';

/** A result row read field by field, so nothing typed `any` escapes the driver. */
export type Row = Readonly<Record<string, unknown>>;

export async function rows(connection: Connection, sql: string, params: unknown[]): Promise<Row[]> {
  const [result] = await connection.query<RowDataPacket[]>(sql, params);
  return result;
}

/** information_schema text: strings, or Buffers for binary-collated columns. */
export function text(row: Row, key: string): string {
  const value = row[key];
  if (value === null || value === undefined) return '';
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}

export function textOrNull(row: Row, key: string): string | null {
  const value = row[key];
  return value === null || value === undefined ? null : text(row, key);
}

export function integer(row: Row, key: string): number {
  return Number(text(row, key));
}

/** Rows grouped by one field, in order. */
export function groupBy(list: readonly Row[], key: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of list) {
    const name = text(row, key);
    const group = groups.get(name);
    if (group) group.push(row);
    else groups.set(name, [row]);
  }
  return groups;
}
