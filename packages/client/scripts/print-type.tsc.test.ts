import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { printType } from './print-type.ts';

/** In memory only; placed here so `@trpc/server` resolves from the package's node_modules. */
const FILE = join(dirname(fileURLToPath(import.meta.url)), 'in-memory-types.ts');

/** Prints the type alias `T` declared in `source`, compiled in memory with the standard library. */
function print(source: string): string {
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts', 'lib.dom.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError, shouldCreate) =>
    name === FILE
      ? ts.createSourceFile(name, source, version, true)
      : getSourceFile(name, version, onError, shouldCreate);
  const program = ts.createProgram([FILE], options, host);
  const file = program.getSourceFile(FILE);
  const alias = file?.statements.filter(ts.isTypeAliasDeclaration).find((d) => d.name.text === 'T');
  if (!alias) throw new Error('no type alias');
  return printType(program, program.getTypeChecker().getTypeAtLocation(alias.name), 'T');
}

describe('printType', () => {
  test('writes named types out as their structure', () => {
    const text = print(`
      interface Column { name: string; nullable?: boolean; readonly id: number }
      type Kind = 'table' | 'view';
      type T = { kind: Kind; columns: Column[] };`);
    expect(text).toBe(
      '{ kind: "table" | "view"; columns: ({ name: string; nullable?: undefined | false | true; readonly id: number; })[]; }',
    );
  });

  test('keeps standard-library types, records, tuples and template literals', () => {
    expect(
      print('type T = { at: Date; tags: Record<string, number>; pair: readonly [string, number?] };'),
    ).toBe('{ at: Date; tags: Record<string, number>; pair: readonly [string, (undefined | number)?]; }');
    const template = 'type T = `v${'.concat('number}` | AsyncIterable<string>;');
    expect(print(template)).toBe('`v${'.concat('number}` | AsyncIterable<string, any, any>'));
    expect(print("type T = { 'content-type': string; [key: string]: unknown };")).toBe(
      '{ [key: string]: unknown; "content-type": string; }',
    );
  });

  test('writes an intersection with a union as TypeScript distributes it', () => {
    expect(print('type T = { a: string } & ({ b: 1 } | { c: 2 });')).toBe(
      '{ a: string; } & { b: 1; } | { a: string; } & { c: 2; }',
    );
  });

  test("keeps tRPC's own exported types by name, a subscription's tracked events say", () => {
    const text = print(`
      import type { TrackedEnvelope } from '@trpc/server';
      type T = AsyncGenerator<TrackedEnvelope<{ status: 'ready' }>, void, unknown>;`);
    expect(text).toBe(
      'AsyncGenerator<import("@trpc/server").TrackedEnvelope<{ status: "ready"; }>, void, unknown>',
    );
  });

  test('writes a value with toJSON() as what it crosses the wire as, once in a union', () => {
    const text = print(`
      class Stored<T> { constructor(readonly text: string) {} toJSON(): T { return JSON.parse(this.text); } }
      type T = { document: { a: number } | Stored<{ a: number }> };`);
    expect(text).toBe('{ document: { a: number; }; }');
  });

  test('refuses what it cannot write without a name, saying where', () => {
    expect(() => print('type Tree = { children: Tree[] }; type T = Tree;')).toThrow(/contains itself/);
    expect(() => print('type T = { run: () => void };')).toThrow(/T\.run: functions cannot cross the wire/);
  });
});
