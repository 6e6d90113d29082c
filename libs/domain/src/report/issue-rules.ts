import { DomainError } from '../errors';
import { formatDocumentNumber } from './document-meta';

/** "04/6/2024": the day with two digits, the months 1 and 2 with two (Decree 30/2020, as in "ngày 04 tháng 6"). */
export function shortVnDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${String(d).padStart(2, '0')}/${m <= 2 ? String(m).padStart(2, '0') : m}/${y}`;
}

/** "Số: 05/BC-UBND": the number written into the issued document, from the year's sequence. */
export function issuedNumber(sequence: number): string {
  return formatDocumentNumber(sequence);
}

/** The date parts the records office writes into "ngày … tháng … năm …". */
export function dateParts(isoDate: string): { day: string; month: string; year: string } {
  const [y, m, d] = isoDate.split('-').map(Number);
  return { day: String(d).padStart(2, '0'), month: m <= 2 ? String(m).padStart(2, '0') : String(m), year: String(y) };
}

export interface ReplacedDocument {
  /** "01" */
  number: string;
  numberSuffix: string;
  /** ISO date of issue */
  date: string;
  /** why it is replaced */
  reason: string;
}

/**
 * The first citation of the replaced document (Decree 30/2020, App. I, II.6b: kind, number and
 * symbol, date, issuing body), then why: "Báo cáo này thay thế Báo cáo số 01/BC-UBND ngày
 * 04/6/2024 của Ủy ban nhân dân tỉnh Lạng Sơn. Lý do: …".
 */
export function replacementNotice(replaced: ReplacedDocument, issuer: string): string {
  const reason = replaced.reason.trim().replace(/[.;\s]+$/, '');
  if (!reason) throw new DomainError('CORRECTION_REASON_REQUIRED', 'Cần nêu lý do thay thế báo cáo đã phát hành.');
  return `Báo cáo này thay thế Báo cáo số ${replaced.number}/${replaced.numberSuffix} ngày ${shortVnDate(replaced.date)} của ${issuer}. Lý do: ${reason}.`;
}

/** "ỦY BAN NHÂN DÂN" + "TỈNH LẠNG SƠN" → "Ủy ban nhân dân tỉnh Lạng Sơn" (the issuer as a sentence names it). */
export function issuerInSentence(issuer: string[]): string {
  const words = issuer.join(' ').toLocaleLowerCase('vi').split(/\s+/);
  // the province's name keeps its capitals: every word after "tỉnh"/"thành phố"
  const at = words.findIndex((w) => w === 'tỉnh' || w === 'phố');
  const cap = (w: string) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);
  return words.map((w, i) => (i === 0 || (at >= 0 && i > at) ? cap(w) : w)).join(' ');
}

/** "03.06.2024 09:15:00 +07:00": the signing time as Vietnamese signing tools print it, in Vietnam's time. */
export function signingTimeText(at: Date): string {
  const vn = new Date(at.getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(vn.getUTCDate())}.${p(vn.getUTCMonth() + 1)}.${vn.getUTCFullYear()} ${p(vn.getUTCHours())}:${p(vn.getUTCMinutes())}:${p(vn.getUTCSeconds())} +07:00`;
}

/** The text of a visible signature: "Ký bởi", "Cơ quan", "Thời gian ký" (what Vietnamese signing tools print). */
export function signatureLines(signedBy: string, organization: string, at: Date): string[] {
  return [`Ký bởi: ${signedBy}`, `Cơ quan: ${organization}`, `Thời gian ký: ${signingTimeText(at)}`];
}
