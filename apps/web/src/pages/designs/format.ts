const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO timestamp from the API as the reader's locale writes it. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

const bytes = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });

/** A size in bytes, in kB or MB. */
export function formatBytes(count: number): string {
  if (count >= 10_000_000) return `${Math.round(count / 1_000_000)} MB`;
  return bytes.format(Math.round(count / 1000));
}
