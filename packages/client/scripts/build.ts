/**
 * Builds the publishable client into dist/: ESM JavaScript and declarations. The program is
 * compiled twice: once over the workspace (to read the API's types through src/server-types.ts),
 * then with that file replaced by their evaluated form, so nothing in dist/ imports the API.
 */
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { emitServerTypes } from './server-types.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bridge = join(root, 'src', 'server-types.ts');
const outDir = join(root, 'dist');

function compilerOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => fail([diagnostic]),
    },
  );
  if (!parsed) throw new Error('tsconfig.json could not be read');
  return parsed.options;
}

function fail(diagnostics: readonly ts.Diagnostic[]): never {
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  };
  throw new Error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
}

const base = compilerOptions();
const serverTypes = emitServerTypes(ts.createProgram([bridge], base), bridge);

const options: ts.CompilerOptions = {
  ...base,
  noEmit: false,
  declaration: true,
  rewriteRelativeImportExtensions: true,
  rootDir: join(root, 'src'),
  outDir,
  // The published types must not need @types/node; fetch and the like come from the DOM library.
  types: [],
};
const host = ts.createCompilerHost(options);
const readFile = host.readFile.bind(host);
const getSourceFile = host.getSourceFile.bind(host);
host.readFile = (fileName) => (resolve(fileName) === bridge ? serverTypes : readFile(fileName));
host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) =>
  resolve(fileName) === bridge
    ? ts.createSourceFile(fileName, serverTypes, languageVersion, true, ts.ScriptKind.TS)
    : getSourceFile(fileName, languageVersion, onError, shouldCreate);

// The public entry and what it imports: nothing else (tests, their helpers) is published.
const entries = [join(root, 'src', 'index.ts')];
const program = ts.createProgram(entries, options, host);

const outside = program
  .getSourceFiles()
  .filter((file) => !file.isDeclarationFile && !resolve(file.fileName).startsWith(join(root, 'src')));
if (outside.length > 0) {
  throw new Error(`the build reached outside the client: ${outside.map((file) => file.fileName).join(', ')}`);
}
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) fail(diagnostics);

/**
 * `rewriteRelativeImportExtensions` rewrites `./x.ts` to `./x.js` in JavaScript only; the
 * declarations need the same, or a consumer's compiler would look for the source files.
 */
function toJsSpecifiers(context: ts.TransformationContext) {
  const { factory } = context;
  const rewrite = (specifier: ts.Expression | undefined) =>
    specifier && ts.isStringLiteral(specifier) && /^\.\.?\/.*\.ts$/.test(specifier.text)
      ? factory.createStringLiteral(specifier.text.replace(/\.ts$/, '.js'))
      : specifier;
  const visit = (node: ts.Node): ts.Node => {
    if (ts.isImportDeclaration(node)) {
      const specifier = rewrite(node.moduleSpecifier) ?? node.moduleSpecifier;
      return factory.updateImportDeclaration(
        node,
        node.modifiers,
        node.importClause,
        specifier,
        node.attributes,
      );
    }
    if (ts.isExportDeclaration(node)) {
      const { modifiers, isTypeOnly, exportClause, attributes } = node;
      const specifier = rewrite(node.moduleSpecifier);
      return factory.updateExportDeclaration(
        node,
        modifiers,
        isTypeOnly,
        exportClause,
        specifier,
        attributes,
      );
    }
    return node;
  };
  return (file: ts.SourceFile | ts.Bundle) =>
    ts.isSourceFile(file) ? ts.visitEachChild(file, visit, context) : file;
}

rmSync(outDir, { recursive: true, force: true });
const result = program.emit(undefined, undefined, undefined, false, { afterDeclarations: [toJsSpecifiers] });
if (result.emitSkipped || result.diagnostics.length > 0) fail(result.diagnostics);
console.log(`built the client into ${outDir}`);
