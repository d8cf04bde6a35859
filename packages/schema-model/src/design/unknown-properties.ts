import { distance } from 'fastest-levenshtein';
import { z } from 'zod';

/**
 * The property under which a design object keeps data that is not the design's: canvas state,
 * colours, notes, groups. Stored and returned verbatim; every other unknown property is refused,
 * so that a typo (`primarykey`, `nulable`) is reported instead of being stored and ignored.
 */
export const EXTENSION_PROPERTY = 'ui';

/** Free-form data of the client's own; bounded only by the request and design size limits. */
export const ExtensionBagSchema = z.record(z.string(), z.unknown()).meta({
  description:
    "Data of the client's own (canvas state, colours, notes, groups), stored and returned verbatim. The only place where properties the design does not define are accepted.",
});

/**
 * The known property closest to `key` when it is close enough to be a typo: compared without
 * case (`primarykey` → `primaryKey`), at most a third of the longer name changed (`nulable`,
 * `lenght`). Ties go to the property declared first; `undefined` when nothing is close.
 */
export function closestProperty(key: string, known: readonly string[]): string | undefined {
  const wanted = key.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const longer = Math.max(wanted.length, name.length);
    const edits = distance(wanted, name.toLowerCase());
    // A one-letter key is never "close" to another one-letter key: that would be a guess.
    if (edits >= longer || edits > Math.max(1, Math.floor(longer / 3))) continue;
    if (best === undefined || edits < best.distance) best = { name, distance: edits };
  }
  return best?.name;
}

const HAVE_NO_PROPERTY = ' have no property ';

/** `Columns have no property "nulable"; did you mean "nullable"?` */
export function unknownPropertyMessage(kind: string, key: string, known: readonly string[]): string {
  const head = `${kind}${HAVE_NO_PROPERTY}${JSON.stringify(key)}`;
  const suggestion = closestProperty(key, known);
  if (suggestion !== undefined) return `${head}; did you mean ${JSON.stringify(suggestion)}?`;
  if (known.includes(EXTENSION_PROPERTY)) {
    return `${head}. Keep data of your own under ${JSON.stringify(EXTENSION_PROPERTY)}.`;
  }
  return `${head}.`;
}

/**
 * An input object (each object of a design, the API's import request) that refuses unknown
 * properties; `kind` names its objects in messages ("Columns"). Zod reports all unknown keys of
 * one object as one issue; its message holds one line per key, in order, which `messagesPerKey`
 * splits again for one located issue per key. The known properties are read from the schema that
 * raised the issue, so an `.extend()`ed object (the API's create input with `changeNote`)
 * suggests its own additions too.
 */
export function strictInputObject<const Shape extends z.core.$ZodLooseShape>(kind: string, shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      const known = issue.inst instanceof z.ZodObject ? Object.keys(issue.inst.shape) : Object.keys(shape);
      return issue.keys.map((key) => unknownPropertyMessage(kind, key, known)).join('\n');
    },
  });
}

/**
 * The per-key messages of an unknown-keys issue raised by a `strictInputObject`, in the order of
 * `keys`; `undefined` for any other strict object, whose message is zod's own.
 */
export function messagesPerKey(message: string, keys: readonly string[]): string[] | undefined {
  const lines = message.split('\n');
  const ours =
    lines.length === keys.length &&
    lines.every((line, index) => line.includes(`${HAVE_NO_PROPERTY}${JSON.stringify(keys[index])}`));
  return ours ? lines : undefined;
}
