import type { Lang } from '../i18n/i18n';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Tháng 5/2024" / "May 2024" (monthly periods; other kinds when the API opens them). */
export function periodName(p: { type: string; year: number; number: number }, lang: Lang): string {
  if (p.type === 'month') return lang === 'vi' ? `Tháng ${p.number}/${p.year}` : `${EN_MONTHS[p.number - 1]} ${p.year}`;
  const roman = ['I', 'II', 'III', 'IV'][p.number - 1];
  if (p.type === 'quarter') return lang === 'vi' ? `Quý ${roman}/${p.year}` : `Q${p.number} ${p.year}`;
  return String(p.year);
}
