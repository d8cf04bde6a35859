import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { emitServerTypes } from './server-types.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bridge = join(root, 'src', 'server-types.ts');
const generated = join(root, 'src', 'generated-server-types.ts');
const check = join(root, 'src', 'generated-check.ts');

function options(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => {},
    },
  );
  if (!parsed) throw new Error('tsconfig.json could not be read');
  return parsed.options;
}

/** A program over real files plus some in memory (the generated types and a check of them). */
function programWith(files: Record<string, string>, compilerOptions: ts.CompilerOptions): ts.Program {
  const host = ts.createCompilerHost(compilerOptions);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name in files || fileExists(name);
  host.getSourceFile = (name, version, onError, shouldCreate) => {
    const text = files[name];
    return text === undefined
      ? getSourceFile(name, version, onError, shouldCreate)
      : ts.createSourceFile(name, text, version, true, ts.ScriptKind.TS);
  };
  return ts.createProgram(Object.keys(files), compilerOptions, host);
}

/**
 * Names the procedures (`router.procedure`) whose input or output differs. Inputs must be
 * identical, not merely assignable. Outputs pass through tRPC's JSON serialisation type, which
 * gives an object literal with a string index (how a loose zod object is written out) an extra
 * number index that zod's mapped type does not get: for them, each must be assignable to the other.
 */
const CHECK = `
import type { inferRouterInputs, inferRouterOutputs, inferRouterError } from '@trpc/server';
import type { AppRouter as Server } from '@schema-builder/api/router';
import type { ErrorCode as ServerErrorCode } from '@schema-builder/api/errors';
import type { AppRouter as Generated, ErrorCode } from './generated-server-types.ts';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Differing<G, S, Same extends 'equal' | 'mutual'> = {
  [R in keyof G | keyof S & string]: R extends keyof G & keyof S
    ? { [P in keyof G[R] | keyof S[R] & string]: P extends keyof G[R] & keyof S[R]
        ? (Same extends 'equal' ? Equal<G[R][P], S[R][P]> : Mutual<G[R][P], S[R][P]>) extends true
          ? never
          : \`\${R & string}.\${P & string}\`
        : \`\${R & string}.\${P & string} (missing)\` }[keyof G[R] | keyof S[R] & string]
    : \`\${R & string} (missing)\`;
}[keyof G | keyof S & string];

type None<T> = [T] extends [never] ? 'none' : T;
export const inputs: None<Differing<inferRouterInputs<Generated>, inferRouterInputs<Server>, 'equal'>> = 'none';
export const outputs: None<Differing<inferRouterOutputs<Generated>, inferRouterOutputs<Server>, 'mutual'>> = 'none';
export const sameErrors: Equal<inferRouterError<Generated>, inferRouterError<Server>> = true;
export const sameCodes: Equal<ErrorCode, ServerErrorCode> = true;
`;

/** The procedures a check of CHECK names as differing, or `['none']`. */
function differing(program: ts.Program, name: string): string[] {
  const checker = program.getTypeChecker();
  const declaration = program
    .getSourceFile(check)
    ?.statements.filter(ts.isVariableStatement)
    .flatMap((statement) => statement.declarationList.declarations)
    .find((d) => d.name.getText() === name);
  if (!declaration?.type) throw new Error(`no ${name} in the check`);
  const type = checker.getTypeFromTypeNode(declaration.type);
  const members = type.isUnion() ? type.types : [type];
  return members.map((member) => (member.isStringLiteral() ? member.value : checker.typeToString(member)));
}

describe('the evaluated server types', () => {
  test('give the same inputs, outputs, error shape and codes as the API router itself', () => {
    const compilerOptions = options();
    const text = emitServerTypes(ts.createProgram([bridge], compilerOptions), bridge);
    expect(text).toContain('export type AppRouter = TRPCBuiltRouter<');
    const imported = [...text.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)].map((match) => match[1]);
    expect(new Set(imported)).toEqual(new Set(['@trpc/server']));

    const program = programWith({ [generated]: text, [check]: CHECK }, compilerOptions);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === check || d.file?.fileName === generated)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n').slice(0, 500));
    expect({ inputs: differing(program, 'inputs'), outputs: differing(program, 'outputs') }).toEqual({
      inputs: ['none'],
      outputs: ['none'],
    });
    expect(problems).toEqual([]);
  }, 120_000);
});
