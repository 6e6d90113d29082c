import { composeReport, ReportContent, runsText } from '../libs/domain/src';
import { demoComposeInput } from './support/demo-consolidation-input';

/** Everything a reader reads: the title, the headings, the paragraphs and the footnotes. */
function allText(content: ReportContent): string[] {
  const runs = (r: ReportContent['sections'][number]['paragraphs'][number]) => runsText(r, new Map());
  return [
    ...content.header.title,
    ...content.sections.flatMap((s) => [s.heading, ...s.paragraphs.map(runs)]),
    ...Object.values(content.footnotes).map(runs),
  ];
}

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/**
 * The monthly report says the month right every month of the year: January has no "1 tháng đầu
 * năm" and no "lũy kế 1 tháng", December is "tháng 12 và cả năm", and in between every "N tháng" is
 * the month's own N. Composed from the demo data with the worker's assembly: 2023's months and 2024's first
 * four (figures only, so every sentence of the template is written), May 2024 without its narratives (the
 * reference's own text speaks of "03 tháng" courses), June–December 2024 (synthetic) with theirs.
 */
describe('the monthly report’s wording in every month', () => {
  const months = [...MONTHS.map((m) => [2023, m] as const), ...MONTHS.map((m) => [2024, m] as const)];

  it.each(months)('%i, month %i', (year, month) => {
    const { content } = composeReport(demoComposeInput(undefined, { year, month, withoutNarratives: year === 2024 && month === 5 }));
    const text = allText(content);
    const title = content.header.title.join(' ');
    const heading = content.sections.find((s) => s.id === 'II')!.heading;

    if (month === 1) {
      expect(title).toBe(`Tình hình kinh tế - xã hội tháng 1 năm ${year}, nhiệm vụ trọng tâm tháng 2 năm ${year}`);
      expect(heading).toBe(`TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 1 NĂM ${year}`);
    } else if (month === 12) {
      expect(title).toBe(`Tình hình kinh tế - xã hội tháng 12 và cả năm ${year}, nhiệm vụ trọng tâm tháng 1 năm ${year + 1}`);
      expect(heading).toBe(`TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 12 VÀ CẢ NĂM ${year}`);
    } else {
      expect(title).toBe(`Tình hình kinh tế - xã hội tháng ${month} và ${month} tháng đầu năm, nhiệm vụ trọng tâm tháng ${month + 1} năm ${year}`);
      expect(heading).toBe(`TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG ${month} VÀ ${month} THÁNG NĂM ${year}`);
    }

    // "N tháng" (a count of months): the month's own N, never any other; in January none at all
    const counts = text.flatMap((t) => [...t.matchAll(/(?<![\d.,/])(\d+) tháng/giu)].map((m) => ({ n: Number(m[1]), in: t })));
    if (month === 1) expect(counts).toEqual([]);
    expect(counts.filter((c) => c.n !== month)).toEqual([]);
    // "tháng N": this month, the one before or the next one
    const named = text.flatMap((t) => [...t.matchAll(/tháng (\d+)(?![\d/])/giu)].map((m) => ({ n: Number(m[1]), in: t })));
    const allowed = new Set([month, month === 1 ? 12 : month - 1, month === 12 ? 1 : month + 1]);
    expect(named.filter((c) => !allowed.has(c.n))).toEqual([]);
    expect(text.join('\n')).not.toMatch(/(?<![\d.,])(1 tháng đầu năm|lũy kế 1 tháng|0 tháng)/u);
    // the sentences speak of the month: the budget's and the forest's figures are there every month
    expect(text.some((t) => t.startsWith(`Tổng thu ngân sách nhà nước trên địa bàn tháng ${month} ước đạt`))).toBe(true);
  });
});
