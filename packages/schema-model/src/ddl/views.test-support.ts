import type { DesignDocument, ViewDocument } from '../design/document.ts';

/**
 * A small shop with views of every shape the MySQL/SQLite rewrite accepts (joins, aggregates, a
 * view on a view, EXISTS, UNION, ORDER BY with NULLs and LIMIT) and two it refuses (a function
 * PostgreSQL alone has, and a view reading that one), with rows to compare what each engine's
 * views return.
 */
export const SHOP_VIEWS: readonly ViewDocument[] = [
  {
    id: 'v-big',
    name: 'big_spenders',
    definition: 'SELECT customer_id, name FROM order_totals WHERE spent > 100',
  },
  {
    id: 'v-totals',
    name: 'order_totals',
    definition:
      'SELECT c.id AS customer_id, c.name, count(o.id) AS orders, sum(o.total) AS spent FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name',
    comment: 'What each customer ordered',
  },
  {
    id: 'v-active',
    name: 'active_customers',
    definition: 'SELECT id, name, email FROM customers WHERE email IS NOT NULL',
  },
  {
    id: 'v-paid',
    name: 'paid_orders',
    definition:
      "SELECT o.id, o.total, upper(c.country), coalesce(c.email, 'none') FROM orders AS o JOIN customers AS c ON c.id = o.customer_id WHERE o.status IN ('paid', 'shipped')",
  },
  {
    id: 'v-last',
    name: 'last_emails',
    definition: 'SELECT name, email FROM customers ORDER BY email DESC, name LIMIT 3',
  },
  {
    id: 'v-buyers',
    name: 'buyer_names',
    definition:
      "SELECT name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) UNION SELECT 'nobody'",
  },
  {
    id: 'v-day',
    name: 'orders_by_day',
    definition: "SELECT id, date_trunc('day', now()) AS day FROM orders",
  },
  { id: 'v-day2', name: 'orders_today', definition: 'SELECT id FROM orders_by_day' },
];

export function shopDesign(views: readonly ViewDocument[] = SHOP_VIEWS): DesignDocument {
  return {
    name: 'shop',
    tables: [
      {
        id: 'customers',
        name: 'customers',
        columns: [
          { id: 'c-id', name: 'id', dataType: 'INT', primaryKey: true },
          { id: 'c-name', name: 'name', dataType: 'VARCHAR', length: 50, nullable: false },
          { id: 'c-email', name: 'email', dataType: 'VARCHAR', length: 100 },
          { id: 'c-country', name: 'country', dataType: 'VARCHAR', length: 2 },
        ],
      },
      {
        id: 'orders',
        name: 'orders',
        columns: [
          { id: 'o-id', name: 'id', dataType: 'INT', primaryKey: true },
          { id: 'o-customer', name: 'customer_id', dataType: 'INT', nullable: false },
          { id: 'o-total', name: 'total', dataType: 'DECIMAL', precision: 10, scale: 2 },
          { id: 'o-status', name: 'status', dataType: 'VARCHAR', length: 10 },
        ],
      },
    ],
    foreignKeys: [
      {
        id: 'fk-orders',
        sourceTableId: 'orders',
        sourceColumnId: 'o-customer',
        targetTableId: 'customers',
        targetColumnId: 'c-id',
      },
    ],
    views: [...views],
  };
}

/** The rows: INSERT statements every engine reads alike. */
export const SHOP_ROWS: readonly string[] = [
  "INSERT INTO customers (id, name, email, country) VALUES (1, 'ada', 'ada@example.com', 'gb'), (2, 'bob', NULL, 'us'), (3, 'cy', 'cy@example.com', NULL), (4, 'dee', 'dee@example.com', 'fr')",
  "INSERT INTO orders (id, customer_id, total, status) VALUES (10, 1, 99.50, 'paid'), (11, 1, 20.25, 'new'), (12, 2, 150.00, 'shipped'), (13, 3, NULL, 'paid')",
];
