import { DomainError } from '../errors';
import { fillPeriod, ReportPeriod, typeOf, variantFor } from './period-words';
import { DocumentTemplate } from './template';

/**
 * Decree 30/2020, Appendix I: "Số: 05/BC-UBND" — numbers below 10 take a leading zero; the number
 * runs per issuing body per year. Place and date: "Lạng Sơn, ngày 04 tháng 6 năm 2024" — a day
 * below 10 and the months 1 and 2 take a leading zero.
 */
export function formatDocumentNumber(sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new DomainError('VALIDATION_FAILED', 'Số văn bản phải là số nguyên dương.');
  return String(sequence).padStart(2, '0');
}

export function numberLine(number: string | null, suffix: string): string {
  return number ? `Số: ${number}/${suffix}` : `Số:        /${suffix}`;
}

export function placeDateLine(place: string, isoDate: string | null): string {
  if (!isoDate) return `${place}, ngày      tháng      năm`;
  const [y, m, d] = isoDate.split('-').map(Number);
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

export { fillPeriod };

/** The title lines for the period: the template's variant for its number (January, December …) where it has one. */
export function documentTitle(doc: DocumentTemplate, period: ReportPeriod): string[] {
  const firstMonth = typeOf(period) === 'month' && period.month === 1 && doc.titleFirstMonth ? doc.titleFirstMonth : doc.title;
  return variantFor(period, firstMonth, doc.titleByNumber).map((l) => fillPeriod(l, period));
}

export function sectionHeading(heading: string, period: ReportPeriod, byNumber?: Record<string, string>): string {
  return fillPeriod(variantFor(period, heading, byNumber), period);
}
