import type { TableDocument } from '@schema-builder/schema-model/design';

/** The size the canvas draws a table at: the automatic layout and the group areas need it. */
export const TABLE_WIDTH = 260;
export const HEADER_HEIGHT = 36;
export const ROW_HEIGHT = 24;

export function tableHeight(table: TableDocument): number {
  return HEADER_HEIGHT + Math.max(1, table.columns.length) * ROW_HEIGHT + 8;
}

/** Where a table without a position is drawn until it is laid out: a grid, in document order. */
export function fallbackPosition(index: number): { x: number; y: number } {
  return { x: (index % 6) * (TABLE_WIDTH + 80), y: Math.floor(index / 6) * 320 };
}
