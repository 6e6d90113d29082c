import Decimal from 'decimal.js';

/** One Decimal configuration for the whole product: statistics are never summed as floats. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export function dec(value: string | number | Dec): Dec {
  return new Dec(value);
}

export function decOrNull(value: string | number | Dec | null | undefined): Dec | null {
  return value === null || value === undefined ? null : new Dec(value);
}
