import { shown } from './values.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;
const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function isRealDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Proleptic Gregorian calendar, like PostgreSQL. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `HH:MM[:SS[.ffffff]]`, 00:00 to 23:59:59.999999, plus PostgreSQL's 24:00:00. */
function isRealTime(text: string): boolean {
  const match = TIME.exec(text);
  if (!match) return false;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = Number(match[3] ?? '0');
  const fraction = Number(match[4] ?? '0');
  if (hours === 24) return minutes === 0 && seconds === 0 && fraction === 0;
  return hours <= 23 && minutes <= 59 && seconds <= 59;
}

function isValidOffset(offset: string): boolean {
  if (offset.toUpperCase() === 'Z') return true;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  return hours <= 15 && minutes <= 59;
}

export function checkDateDefault(value: unknown): string | undefined {
  if (typeof value === 'string' && isRealDate(value)) return undefined;
  if (typeof value === 'string' && DATE.test(value)) return `${shown(value)} is not a real calendar date.`;
  return `${shown(value)} is not a date; write it as YYYY-MM-DD, e.g. "2024-01-31".`;
}

export function checkTimeDefault(value: unknown): string | undefined {
  if (typeof value === 'string' && isRealTime(value)) return undefined;
  if (typeof value === 'string' && TIME.test(value)) return `${shown(value)} is not a real time of day.`;
  return `${shown(value)} is not a time; write it as HH:MM or HH:MM:SS, e.g. "09:30:00".`;
}

export function checkTimestampDefault(value: unknown, withTimeZone: boolean): string | undefined {
  const match = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  if (!match) {
    const example = withTimeZone ? '"2024-01-31T09:30:00Z"' : '"2024-01-31T09:30:00"';
    return `${shown(value)} is not a date and time; write it as YYYY-MM-DDTHH:MM:SS, e.g. ${example}.`;
  }
  const [, date = '', time = '', offset] = match;
  if (!isRealDate(date)) return `${shown(value)} is not a real calendar date.`;
  if (!isRealTime(time)) return `${shown(value)} is not a real time of day.`;
  if (offset !== undefined) {
    if (!withTimeZone) {
      return `${shown(value)} has a time zone, but TIMESTAMP columns do not store one (PostgreSQL would silently drop it). Remove it or use TIMESTAMPTZ.`;
    }
    if (!isValidOffset(offset)) return `${shown(value)} has an invalid time zone offset.`;
  }
  return undefined;
}
