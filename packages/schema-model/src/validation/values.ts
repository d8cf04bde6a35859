/** A value as quoted in a message: strings in quotes and shortened, lists and objects by kind. */
export function shown(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  }
  if (Array.isArray(value)) return 'A list';
  if (value !== null && typeof value === 'object') return 'An object';
  return String(value);
}
