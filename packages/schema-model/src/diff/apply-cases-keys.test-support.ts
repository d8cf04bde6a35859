import { column, designDocument, foreignKey, intKey, table } from '@schema-builder/testing/design-builders';
import type { ApplyCase } from './apply-cases.test-support.ts';
import { edit } from './design-helpers.test-support.ts';

/** Keys, identity, foreign-key cycles and swapped table names, applied over rows. */

const projects = designDocument(
  [
    table('t_projects', 'projects', [
      column('p_id', 'id', 'INT', { nullable: false, primaryKey: true }),
      column('p_tenant', 'tenant_id', 'INT', { nullable: false }),
      column('p_name', 'name', 'TEXT'),
    ]),
    table('t_tasks', 'tasks', [intKey('k_id'), column('k_project', 'project_id', 'INT')]),
  ],
  { foreignKeys: [foreignKey('f_task_project', ['t_tasks', 'k_project'], ['t_projects', 'p_id'])] },
);

const cycle = designDocument(
  [
    table('t_a', 'a', [intKey('a_id'), column('a_b', 'b_id', 'INT')]),
    table('t_b', 'b', [intKey('b_id'), column('b_a', 'a_id', 'INT')]),
  ],
  {
    foreignKeys: [
      foreignKey('f_a_b', ['t_a', 'a_b'], ['t_b', 'b_id']),
      foreignKey('f_b_a', ['t_b', 'b_a'], ['t_a', 'a_id']),
    ],
  },
);

const counters = designDocument([
  table('t_counters', 'counters', [
    column('c_n', 'n', 'INT', { nullable: false, primaryKey: true }),
    column('c_label', 'label', 'TEXT'),
  ]),
  table('t_log', 'log', [intKey('l_id'), column('l_line', 'line', 'TEXT')]),
]);

export const keyCases: ApplyCase[] = [
  {
    name: 'composite primary key replaces a single one; the foreign key over it follows',
    v1: projects,
    v2: edit(projects, (d) => {
      d.column('t_projects', 'p_tenant').primaryKey = true;
      d.table('t_tasks').columns.push(
        column('k_tenant', 'tenant_id', 'INT', { nullable: false, defaultValue: 1 }),
      );
      Object.assign(d.foreignKey('f_task_project'), {
        sourceColumnIds: ['k_project', 'k_tenant'],
        targetColumnIds: ['p_id', 'p_tenant'],
        onDelete: 'CASCADE',
      });
    }),
    rows: {
      projects: [
        { id: 1, tenant_id: 1, name: 'a' },
        { id: 2, tenant_id: 1, name: 'b' },
      ],
      tasks: [
        { id: 1, project_id: 1 },
        { id: 2, project_id: 2 },
      ],
    },
    expected: {
      tasks: [
        { id: 1, project_id: 1, tenant_id: 1 },
        { id: 2, project_id: 2, tenant_id: 1 },
      ],
    },
  },
  {
    name: 'a primary-key column changes type under a foreign key',
    v1: projects,
    v2: edit(projects, (d) => {
      d.column('t_projects', 'p_id').dataType = 'BIGINT';
      d.column('t_tasks', 'k_project').dataType = 'BIGINT';
    }),
    rows: { projects: [{ id: 7, tenant_id: 1, name: 'x' }], tasks: [{ id: 1, project_id: 7 }] },
    expected: { tasks: [{ id: 1, project_id: 7 }] },
  },
  {
    name: 'a cycle of foreign keys: both change actions, one changes its columns',
    v1: cycle,
    v2: edit(cycle, (d) => {
      d.foreignKey('f_a_b').onDelete = 'SET NULL';
      d.foreignKey('f_b_a').onDelete = 'CASCADE';
      d.table('t_b').columns.push(column('b_a2', 'other_a_id', 'INT'));
      d.foreignKey('f_b_a').sourceColumnId = 'b_a2';
    }),
    rows: { a: [{ id: 1, b_id: null }], b: [{ id: 1, a_id: 1 }] },
    expected: { a: [{ id: 1, b_id: null }], b: [{ id: 1, a_id: 1, other_a_id: null }] },
  },
  {
    name: 'identity switched on above the largest id, and off',
    v1: counters,
    v2: edit(counters, (d) => {
      d.column('t_counters', 'c_n').autoIncrement = true;
      d.column('t_log', 'l_id').autoIncrement = false;
    }),
    rows: {
      counters: [
        { n: 5, label: 'five' },
        { n: 41, label: 'forty-one' },
      ],
      log: [{ id: 3, line: 'x' }],
    },
    inserts: { counters: [{ label: 'next' }], log: [{ id: 4, line: 'y' }] },
    expected: {
      counters: [
        { n: 5, label: 'five' },
        { n: 41, label: 'forty-one' },
        { n: 42, label: 'next' },
      ],
      log: [
        { id: 3, line: 'x' },
        { id: 4, line: 'y' },
      ],
    },
  },
  {
    name: 'two tables swap names; their generated constraint and sequence names follow',
    v1: cycle,
    v2: edit(cycle, (d) => {
      d.table('t_a').name = 'b';
      d.table('t_b').name = 'a';
    }),
    rows: { a: [{ id: 1, b_id: null }], b: [{ id: 2, a_id: 1 }] },
    expected: { b: [{ id: 1, b_id: null }], a: [{ id: 2, a_id: 1 }] },
  },
];
