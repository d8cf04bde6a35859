import fc from 'fast-check';

/** Test support: random SQL names and texts (keywords, quotes, Unicode, exactly 63 bytes). */

export const utf8 = (text: string) => new TextEncoder().encode(text).length;

/** `seed` padded with `fill` characters, then ASCII, to exactly 63 bytes. */
function name63(seed: string, fill: string): string {
  let name = seed;
  while (utf8(name + fill) <= 63) name += fill;
  while (utf8(name) < 63) name += 'x';
  return name;
}

export const NAME_CHARS = [
  'a',
  'b',
  'z',
  'Q',
  '_',
  '1',
  ' ',
  '"',
  "'",
  '$',
  '-',
  'é',
  'ß',
  'я',
  '注',
  '😀',
  '\\',
  '.',
];

export const nameArb: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_]{0,15}$/) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'user',
        'order',
        'select',
        'group',
        'table',
        'from',
        'where',
        'Mixed Case',
        'CamelCase',
        'with "quotes"',
        "it's",
        'café',
        'заказы',
        '注文',
        '😀 emoji',
        'a\\b',
        'x;DROP TABLE y',
      ),
    },
    {
      weight: 2,
      arbitrary: fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 12 }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.constantFrom('x', '_', 'é', 'я', '表', '😀'))
        .map(([seed, fill]) => name63(seed, fill)),
    },
  )
  .filter((name) => name.trim() === name && name !== '' && utf8(name) <= 63);

export const textArb = fc.string({
  unit: fc.constantFrom(...NAME_CHARS, '\n', '%', '?', '$1'),
  maxLength: 30,
});
