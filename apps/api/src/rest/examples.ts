import type { DesignDocument } from '@schema-builder/schema-model/design';
import type { z } from 'zod';

/**
 * Ids that examples use for resources that must exist first. They are valid UUIDs, so examples
 * validate against their schemas; openapi.examples.rest.test.ts creates one resource of each
 * kind and puts its id wherever the placeholder appears (path, query or body) before sending.
 */
export const EXAMPLE_IDS = {
  schema: '0b0e6a52-5d3c-4f0e-9a6b-7d1c2e3f4a5b',
  connection: '1c1f7b63-6e4d-4a1f-8b7c-8e2d3f4a5b6c',
  apiKey: '2d2a8c74-7f5e-4b2a-9c8d-9f3e4a5b6c7d',
  database: '3e3b9d85-8a6f-4c3b-8d9e-a04f5b6c7d8e',
} as const;

/**
 * An input schema with its example request: the whole procedure input (path and query parameters
 * and body fields together, as the REST adapter merges them). The OpenAPI document splits it into
 * parameter examples and a body example; the examples test sends it to a live API.
 */
export function withExample<T extends z.ZodType>(schema: T, example: z.input<T>): T {
  return schema.meta({ examples: [example] });
}

/** The example request of an input schema, when it has one (see `withExample`). */
export function exampleOf(schema: unknown): Record<string, unknown> | undefined {
  const meta = (schema as { meta?: () => { examples?: unknown } | undefined } | undefined)?.meta?.();
  const [example] = Array.isArray(meta?.examples) ? meta.examples : [];
  return typeof example === 'object' && example !== null && !Array.isArray(example)
    ? (example as Record<string, unknown>)
    : undefined;
}

/** A small valid design (customers and their orders), the body of the design examples. */
export const EXAMPLE_DESIGN = {
  name: 'shop',
  description: 'Customers and their orders',
  tables: [
    {
      id: 't_customers',
      name: 'customers',
      columns: [
        { id: 'c_customer_id', name: 'id', dataType: 'BIGINT', primaryKey: true, autoIncrement: true },
        {
          id: 'c_customer_email',
          name: 'email',
          dataType: 'VARCHAR',
          length: 254,
          nullable: false,
          unique: true,
        },
      ],
    },
    {
      id: 't_orders',
      name: 'orders',
      columns: [
        { id: 'c_order_id', name: 'id', dataType: 'BIGINT', primaryKey: true, autoIncrement: true },
        { id: 'c_order_customer', name: 'customer_id', dataType: 'BIGINT', nullable: false },
        { id: 'c_order_total', name: 'total', dataType: 'NUMERIC', precision: 10, scale: 2, nullable: false },
      ],
    },
  ],
  foreignKeys: [
    {
      id: 'fk_orders_customer',
      sourceTableId: 't_orders',
      sourceColumnId: 'c_order_customer',
      targetTableId: 't_customers',
      targetColumnId: 'c_customer_id',
      onDelete: 'CASCADE',
    },
  ],
} satisfies DesignDocument;

/** The same design, one change later: what an update example saves as version 2. */
export const EXAMPLE_DESIGN_V2 = {
  ...EXAMPLE_DESIGN,
  tables: EXAMPLE_DESIGN.tables.map((table) =>
    table.id === 't_orders'
      ? {
          ...table,
          columns: [
            ...table.columns,
            { id: 'c_order_placed', name: 'placed_at', dataType: 'TIMESTAMPTZ', nullable: true },
          ],
        }
      : table,
  ),
} satisfies DesignDocument;
