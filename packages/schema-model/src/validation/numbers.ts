import { LIMITS } from '../design/data-types.ts';
import { shown } from './values.ts';

/** Numeric literal grammar shared by NUMERIC and floating-point defaults (no NaN/Infinity). */
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER_TEXT = /^[+-]?\d+$/;

const INTEGER_RANGES = {
  SMALLINT: [-32_768n, 32_767n],
  INTEGER: [-2_147_483_648n, 2_147_483_647n],
  BIGINT: [-9_223_372_036_854_775_808n, 9_223_372_036_854_775_807n],
} as const;

export type IntegerType = keyof typeof INTEGER_RANGES;

/** Unsigned ranges as PostgreSQL stores them: BIGINT's ends at bigint's maximum (see `typeCheck`). */
const UNSIGNED_RANGES = {
  SMALLINT: [0n, 65_535n],
  INTEGER: [0n, 4_294_967_295n],
  BIGINT: [0n, 9_223_372_036_854_775_807n],
} as const;

export function isIntegerType(dataType: string): dataType is IntegerType {
  return Object.hasOwn(INTEGER_RANGES, dataType);
}

export function checkIntegerDefault(
  value: unknown,
  dataType: IntegerType,
  unsigned = false,
): string | undefined {
  let integer: bigint;
  if (typeof value === 'number' && Number.isInteger(value)) integer = BigInt(value);
  else if (typeof value === 'string' && INTEGER_TEXT.test(value)) integer = BigInt(value);
  else return `${shown(value)} is not a whole number.`;
  const [min, max] = (unsigned ? UNSIGNED_RANGES : INTEGER_RANGES)[dataType];
  if (integer < min || integer > max) {
    return `${shown(value)} is out of range for ${dataType}${unsigned ? ' unsigned' : ''}, which holds whole numbers from ${min} to ${max}.`;
  }
  return undefined;
}

/** The text of a number literal, or undefined when the value is not one. */
function numberText(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'string' && NUMBER_TEXT.test(value)) return value;
  return undefined;
}

/** A decimal number as significant digits (no leading zeros; '' for zero) times 10^exponent. */
function decimalParts(text: string): { digits: string; exponent: number } {
  const [mantissa = '', power = '0'] = text.replace(/^[+-]/, '').toLowerCase().split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  return { digits: `${whole}${fraction}`.replace(/^0+/, ''), exponent: Number(power) - fraction.length };
}

/** Digits of the value once rounded half away from zero to `scale` fractional digits, as PostgreSQL does. */
function digitsAfterRounding(digits: string, exponent: number, scale: number): number {
  if (digits === '') return 0;
  const dropped = -(exponent + scale);
  if (dropped <= 0) return digits.length - dropped;
  if (dropped > digits.length) return 0;
  const kept = digits.slice(0, digits.length - dropped);
  const roundsUp = (digits[digits.length - dropped] ?? '0') >= '5';
  if (!roundsUp) return kept.replace(/^0+/, '').length;
  return String(BigInt(kept === '' ? '0' : kept) + 1n).length;
}

/** PostgreSQL's bounds for an unconstrained NUMERIC. */
const NUMERIC_WHOLE_DIGITS = 131_072;
const NUMERIC_FRACTION_DIGITS = 16_383;

export function checkDecimalDefault(
  value: unknown,
  dataType: string,
  precision: number | null | undefined,
  scale: number | null | undefined,
): string | undefined {
  const text = numberText(value);
  if (text === undefined) return `${shown(value)} is not a number.`;
  const { digits, exponent } = decimalParts(text);
  const typmodValid =
    precision != null &&
    precision >= 1 &&
    precision <= LIMITS.maxNumericPrecision &&
    (scale == null || (scale >= 0 && scale <= precision));
  if (!typmodValid) {
    const wholeDigits = digits.length + exponent;
    if (digits !== '' && (wholeDigits > NUMERIC_WHOLE_DIGITS || -exponent > NUMERIC_FRACTION_DIGITS)) {
      return `${shown(value)} has more digits than ${dataType} can hold.`;
    }
    return undefined;
  }
  const effectiveScale = scale ?? 0;
  if (digitsAfterRounding(digits, exponent, effectiveScale) > precision) {
    const wholeDigits = precision - effectiveScale;
    const limit =
      wholeDigits === 0
        ? 'only numbers between -1 and 1'
        : `at most ${wholeDigits} digit${wholeDigits === 1 ? '' : 's'} before the decimal point`;
    return `${shown(value)} does not fit ${dataType}(${precision},${effectiveScale}), which holds ${limit}.`;
  }
  return undefined;
}

export function checkFloatDefault(value: unknown, dataType: 'REAL' | 'DOUBLE'): string | undefined {
  const text = numberText(value);
  if (text === undefined) return `${shown(value)} is not a number.`;
  // Rounded to the nearest value of the type, as PostgreSQL's input does; overflow and
  // underflow to zero are errors there.
  const number = dataType === 'REAL' ? Math.fround(Number(text)) : Number(text);
  const isZero = decimalParts(text).digits === '';
  const outOfRange = !Number.isFinite(number) || (number === 0 && !isZero);
  return outOfRange ? `${shown(value)} is out of range for ${dataType}.` : undefined;
}
