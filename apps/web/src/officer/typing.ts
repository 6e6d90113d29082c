import { formatNumber, parseNumberInput } from '@app/domain';

/**
 * How a typed figure is shown once the officer leaves the cell: as the system understood it, in
 * Vietnamese format ("47393" → "47.393", "710.83" → "710,83"). Anything unreadable is left as
 * typed, for the officer to fix where the message points.
 */
export function formatTyped(text: string): string {
  if (text.trim() === '') return '';
  const parsed = parseNumberInput(text);
  return parsed.ok ? formatNumber(parsed.value) : text;
}
