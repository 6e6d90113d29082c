import { periodName as vietnameseName, PeriodType } from '@app/domain';
import type { Lang } from '../i18n/i18n';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Tháng 5/2024", "Quý II/2024", "6 tháng đầu năm 2024", "9 tháng năm 2024", "Năm 2024" / "May 2024", "Q2 2024", "H1 2024", … */
export function periodName(p: { type: string; year: number; number: number }, lang: Lang): string {
  const type = p.type as PeriodType;
  if (lang === 'vi') return vietnameseName(type, p.year, p.number);
  switch (type) {
    case 'month':
      return `${EN_MONTHS[p.number - 1]} ${p.year}`;
    case 'quarter':
      return `Q${p.number} ${p.year}`;
    case 'half_year':
      return `H${p.number} ${p.year}`;
    case 'nine_months':
      return `Nine months ${p.year}`;
    default:
      return `Year ${p.year}`;
  }
}
