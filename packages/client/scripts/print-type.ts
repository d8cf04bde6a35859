import ts from 'typescript';

/**
 * Writes a type as TypeScript source with every name that is not a built-in expanded, so the
 * text needs nothing but the standard library: no API source, no zod, no drizzle. Declaration
 * bundlers copy declarations by name instead, and the router's declaration names the server's
 * context (fastify, postgres, drizzle); evaluating the types is the only way to leave them out.
 *
 * The exception is tRPC's own exported types (`TrackedEnvelope` of a subscription, say): they stay
 * `import("@trpc/server").Name`, since the client depends on that package anyway.
 *
 * Refuses (throws, naming where) what it cannot write faithfully: type parameters, functions,
 * unique symbols and recursive types. None of them belongs in a procedure's input or output.
 */
export function printType(program: ts.Program, type: ts.Type, where: string): string {
  return new TypePrinter(program).print(type, where);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The one package whose exported types are referred to by name. */
const KEPT_PACKAGE = '@trpc/server';

export class TypePrinter {
  private readonly checker: ts.TypeChecker;
  /** Types being written, to refuse a type that contains itself instead of looping. */
  private readonly open = new Set<ts.Type>();

  /** What `@trpc/server` exports, by the symbol it exports (names may differ: `TRPCBuiltRouter`). */
  private readonly keptNames: ReadonlyMap<ts.Symbol, string>;

  constructor(private readonly program: ts.Program) {
    this.checker = program.getTypeChecker();
    this.keptNames = this.exportsOf(KEPT_PACKAGE);
  }

  print(type: ts.Type, where: string): string {
    const kept = this.keptName(type, where);
    if (kept !== undefined) return kept;
    const f = type.flags;
    if (f & ts.TypeFlags.Any) return 'any';
    if (f & ts.TypeFlags.Unknown) return 'unknown';
    if (f & ts.TypeFlags.Never) return 'never';
    if (f & ts.TypeFlags.Void) return 'void';
    if (f & ts.TypeFlags.Undefined) return 'undefined';
    if (f & ts.TypeFlags.Null) return 'null';
    if (f & ts.TypeFlags.Boolean) return 'boolean';
    if (f & ts.TypeFlags.String) return 'string';
    if (f & ts.TypeFlags.Number) return 'number';
    if (f & ts.TypeFlags.BigInt) return 'bigint';
    if (f & ts.TypeFlags.ESSymbol) return 'symbol';
    if (f & ts.TypeFlags.NonPrimitive) return 'object';
    if (type.isStringLiteral()) return JSON.stringify(type.value);
    if (type.isNumberLiteral()) return String(type.value);
    if (f & ts.TypeFlags.BigIntLiteral) return this.checker.typeToString(type);
    if (f & ts.TypeFlags.BooleanLiteral) return this.checker.typeToString(type);
    if (f & ts.TypeFlags.TemplateLiteral)
      return this.printTemplateLiteral(type as ts.TemplateLiteralType, where);
    if (type.isUnion()) return this.printMembers(type.types, ' | ', where);
    if (type.isIntersection()) return this.printMembers(type.types, ' & ', where);
    if (f & ts.TypeFlags.Object) return this.printObject(type as ts.ObjectType, where);
    throw new Error(`${where}: cannot write the type ${this.checker.typeToString(type)} on its own`);
  }

  /**
   * TypeScript distributes `&` over `|`, so no member of an intersection is a union: no parentheses.
   * Members that print alike (a value and what its `toJSON` returns) are written once.
   */
  private printMembers(types: readonly ts.Type[], separator: ' | ' | ' & ', where: string): string {
    return [...new Set(types.map((member) => this.print(member, where)))].join(separator);
  }

  /**
   * What an object with a `toJSON()` method crosses the wire as: its result, as JSON.stringify
   * writes it and tRPC's `Serialize` types it (a stored document sent as the document).
   */
  private toJsonResult(type: ts.ObjectType): ts.Type | undefined {
    const method = type.getProperty('toJSON');
    if (!method) return undefined;
    const [signature, ...others] = this.checker.getTypeOfSymbol(method).getCallSignatures();
    if (!signature || others.length > 0 || signature.getParameters().length > 0) return undefined;
    return this.checker.getReturnTypeOfSignature(signature);
  }

  private printTemplateLiteral(type: ts.TemplateLiteralType, where: string): string {
    const escapeText = (text: string) => text.replace(/[`\\$]/g, (c) => `\\${c}`);
    const spans = type.types.map(
      (t, i) => `\${${this.print(t, where)}}${escapeText(type.texts[i + 1] ?? '')}`,
    );
    return `\`${escapeText(type.texts[0] ?? '')}${spans.join('')}\``;
  }

  private printObject(type: ts.ObjectType, where: string): string {
    if (this.open.has(type))
      throw new Error(`${where}: the type ${this.checker.typeToString(type)} contains itself`);
    this.open.add(type);
    try {
      return this.printObjectOnce(type, where);
    } finally {
      this.open.delete(type);
    }
  }

  private printObjectOnce(type: ts.ObjectType, where: string): string {
    if (this.checker.isTupleType(type)) return this.printTuple(type as ts.TupleTypeReference, where);
    if (this.checker.isArrayType(type)) {
      const [element] = this.checker.getTypeArguments(type as ts.TypeReference);
      const readonly = type.symbol?.name === 'ReadonlyArray' ? 'readonly ' : '';
      return `${readonly}(${element ? this.print(element, `${where}[]`) : 'unknown'})[]`;
    }
    const builtIn = this.builtInName(type);
    if (builtIn !== undefined) {
      const args = this.typeArguments(type).map((arg, i) => this.print(arg, `${where}<${i}>`));
      return args.length > 0 ? `${builtIn}<${args.join(', ')}>` : builtIn;
    }
    const wire = this.toJsonResult(type);
    if (wire !== undefined) return this.print(wire, `${where}.toJSON()`);
    if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) {
      throw new Error(`${where}: functions cannot cross the wire (${this.checker.typeToString(type)})`);
    }
    const indexes = this.checker.getIndexInfosOfType(type);
    const properties = this.checker.getPropertiesOfType(type);
    const [index] = indexes;
    if (
      type.objectFlags & ts.ObjectFlags.Mapped &&
      properties.length === 0 &&
      indexes.length === 1 &&
      index
    ) {
      // `Record<string, T>` (zod's records) stays one: tRPC serialises a mapped type differently.
      const key = this.print(index.keyType, `${where}[key]`);
      const record = `Record<${key}, ${this.print(index.type, `${where}[${key}]`)}>`;
      return index.isReadonly ? `Readonly<${record}>` : record;
    }
    const members: string[] = [];
    for (const info of indexes) {
      const readonly = info.isReadonly ? 'readonly ' : '';
      const key = this.print(info.keyType, `${where}[key]`);
      members.push(`${readonly}[key: ${key}]: ${this.print(info.type, `${where}[${key}]`)};`);
    }
    for (const property of properties) {
      members.push(this.printProperty(property, where));
    }
    return members.length > 0 ? `{ ${members.join(' ')} }` : '{}';
  }

  private printProperty(property: ts.Symbol, where: string): string {
    const name = property.getName();
    if (name.startsWith('__@')) throw new Error(`${where}: symbol-keyed property ${name}`);
    const key = IDENTIFIER.test(name) ? name : JSON.stringify(name);
    const optional = property.flags & ts.SymbolFlags.Optional ? '?' : '';
    const readonly = isReadonly(property) ? 'readonly ' : '';
    const type = this.checker.getTypeOfSymbol(property);
    return `${readonly}${key}${optional}: ${this.print(type, `${where}.${name}`)};`;
  }

  private printTuple(type: ts.TupleTypeReference, where: string): string {
    const tracked = this.trackedEnvelope(type, where);
    if (tracked !== undefined) return tracked;
    const { elementFlags, readonly } = type.target;
    const elements = this.checker.getTypeArguments(type).map((element, i) => {
      const text = this.print(element, `${where}[${i}]`);
      const flags = elementFlags[i] ?? ts.ElementFlags.Required;
      if (flags & ts.ElementFlags.Optional) return `(${text})?`;
      if (flags & ts.ElementFlags.Rest) return `...(${text})[]`;
      if (flags & ts.ElementFlags.Variadic) return `...${text}`;
      return text;
    });
    return `${readonly ? 'readonly ' : ''}[${elements.join(', ')}]`;
  }

  /** `Date`, `AsyncIterable` and the like: declared only in TypeScript's standard library. */
  private builtInName(type: ts.ObjectType): string | undefined {
    const symbol = type.getSymbol();
    const declarations = symbol?.getDeclarations() ?? [];
    // Only named interfaces and classes: `Record<…>` and other lib mapped types are anonymous.
    if (
      !symbol ||
      declarations.length === 0 ||
      !(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class))
    ) {
      return undefined;
    }
    const fromLib = declarations.every((d) => this.program.isSourceFileDefaultLibrary(d.getSourceFile()));
    return fromLib && IDENTIFIER.test(symbol.getName()) ? symbol.getName() : undefined;
  }

  /**
   * tRPC's `TrackedEnvelope<T>` (what `tracked()` gives a subscription) is a tuple alias, which
   * TypeScript does not remember by name; its mark, tRPC's unique symbol, gives it away.
   */
  private trackedEnvelope(type: ts.TupleTypeReference, where: string): string | undefined {
    const [, data, mark] = this.checker.getTypeArguments(type);
    const symbol = mark && mark.flags & ts.TypeFlags.UniqueESSymbol ? mark.getSymbol() : undefined;
    const fromTrpc = symbol
      ?.getDeclarations()
      ?.some((d) => /[\\/]@trpc[\\/]server[\\/]/.test(d.getSourceFile().fileName));
    if (!data || symbol?.getName() !== 'trackedSymbol' || !fromTrpc) return undefined;
    return `import(${JSON.stringify(KEPT_PACKAGE)}).TrackedEnvelope<${this.print(data, `${where}[data]`)}>`;
  }

  private exportsOf(packageName: string): Map<ts.Symbol, string> {
    const names = new Map<ts.Symbol, string>();
    const [from] = this.program.getRootFileNames();
    if (from === undefined) return names;
    const resolved = ts.resolveModuleName(packageName, from, this.program.getCompilerOptions(), ts.sys);
    const fileName = resolved.resolvedModule?.resolvedFileName;
    const file = fileName === undefined ? undefined : this.program.getSourceFile(fileName);
    const module = file && this.checker.getSymbolAtLocation(file);
    for (const exported of module ? this.checker.getExportsOfModule(module) : []) {
      const symbol =
        exported.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(exported) : exported;
      names.set(symbol, exported.getName());
    }
    return names;
  }

  private keptName(type: ts.Type, where: string): string | undefined {
    const symbol = type.aliasSymbol ?? (type.flags & ts.TypeFlags.Object ? type.getSymbol() : undefined);
    const name = symbol && this.keptNames.get(symbol);
    if (
      !symbol ||
      name === undefined ||
      !(symbol.flags & (ts.SymbolFlags.Type & ~ts.SymbolFlags.TypeParameter))
    ) {
      return undefined;
    }
    const args = type.aliasSymbol
      ? (type.aliasTypeArguments ?? [])
      : this.typeArguments(type as ts.ObjectType);
    const printed = args.map((arg, i) => this.print(arg, `${where}<${i}>`));
    const reference = `import(${JSON.stringify(KEPT_PACKAGE)}).${name}`;
    return printed.length > 0 ? `${reference}<${printed.join(', ')}>` : reference;
  }

  private typeArguments(type: ts.ObjectType): readonly ts.Type[] {
    return type.objectFlags & ts.ObjectFlags.Reference
      ? this.checker.getTypeArguments(type as ts.TypeReference)
      : [];
  }
}

function isReadonly(property: ts.Symbol): boolean {
  return (property.getDeclarations() ?? []).some(
    (d) => ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly,
  );
}
