import { composeReport, dec, formatNumber, ReportContent, runsText } from '../libs/domain/src';
import { assemblePeriodInput } from '../libs/database/src/figures';
import { read } from './support/demo-consolidation-input';
import { demoPeriodComposeInput, demoPeriodRows, PERIOD_TEMPLATES } from './support/demo-period-input';

const paragraphs = (content: ReportContent, id: string) => content.sections.find((s) => s.id === id)!.paragraphs.map((p) => runsText(p, new Map()));
const everything = (content: ReportContent) => [content.header.title.join(' '), ...content.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => runsText(p, new Map()))])].join('\n');

/**
 * A quarter's report composed from the demo's approved months (January–March 2024) and the quarter's
 * own form (config/demo/periods-2024.json), with the worker's assembly: it reads as a quarter's
 * report, opens with GRDP, and each printed figure names the months it was taken from.
 */
describe('the report of the first quarter of 2024', () => {
  const composed = composeReport(demoPeriodComposeInput('quarter', 2024, 1));
  const { content, figures } = composed;

  it('has the quarter’s title and outline, opening the economy with GRDP', () => {
    expect(content.header.title).toEqual(['Tình hình kinh tế - xã hội quý I năm 2024,', 'nhiệm vụ trọng tâm quý II năm 2024']);
    const outline = content.sections.map((s) => `${s.number} ${s.heading}`.trim());
    expect(outline.slice(0, 4)).toEqual(['I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', 'II. TÌNH HÌNH KINH TẾ - XÃ HỘI QUÝ I NĂM 2024', '1. Về phát triển kinh tế', '1.1. Tăng trưởng kinh tế (GRDP)']);
    expect(outline[outline.length - 1]).toBe('III. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2024');
    expect(paragraphs(content, 'II.1.1')[1]).toMatch(/^Tổng sản phẩm trên địa bàn \(GRDP\) quý I năm 2024 ước tính tăng 5,27% so với cùng kỳ\. Trong đó, khu vực nông lâm nghiệp và thủy sản tăng 3,41%/);
    expect(composed.missingUnits).toEqual([]);
    expect(content.notices).toEqual([]);
  });

  it('speaks of the quarter, and of three months only where it says so', () => {
    const text = everything(content);
    expect(text).not.toMatch(/lũy kế 3 tháng|tháng 3 và|[^\d]1 tháng/);
    const counts = [...text.matchAll(/(?<![\d.,])(\d+) tháng/gu)].map((m) => Number(m[1]));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.filter((n) => n !== 3)).toEqual([]);
    expect(paragraphs(content, 'II.1.7')[0]).toMatch(/^Tổng thu ngân sách nhà nước trên địa bàn quý I ước đạt [\d.,]+ tỷ đồng, đạt [\d,]+% dự toán, tăng [\d,]+% so với cùng kỳ\./);
  });

  it('sums a flow over the quarter’s months, and says which months and submissions', () => {
    const f = figures.find((x) => x.indicatorCode === 'budget_revenue' && x.field === 'value')!;
    expect(f.months!.map((m) => m.month)).toEqual([1, 2, 3]);
    expect(f.months!.every((m) => m.submissionId.startsWith('m-2024-'))).toBe(true);
    const sum = f.months!.reduce((a, m) => a.plus(dec(m.value)), dec(0));
    expect(sum.toFixed()).toBe(f.value);
    expect(f.text).toBe(formatNumber(sum, { decimals: 1 }));
  });

  it('takes a stock at the end of the quarter and an index as last reported', () => {
    const herd = figures.find((x) => x.indicatorCode === 'herd_buffalo' && x.field === 'value')!;
    expect(herd.months!.map((m) => m.month)).toEqual([3]);
    expect(herd.value).toBe(herd.months![0].value);
    const cpi = figures.find((x) => x.indicatorCode === 'cpi_avg_yoy_change_ytd')!;
    expect(cpi.months!.map((m) => m.month)).toEqual([3]);
    const grdp = figures.find((x) => x.indicatorCode === 'grdp_growth')!;
    expect(grdp.submissionId).toBe('own-CTK');
    expect(grdp.months).toBeUndefined();
  });

  it('lists the units whose own figures are not approved, and the months not in yet', () => {
    const rows = demoPeriodRows('quarter', 2024, 1, { own: false });
    rows.months = rows.months.filter((m) => !(m.year === 2024 && m.number === 3));
    rows.monthStatus = rows.monthStatus.filter((s) => s.number !== 3);
    const draft = composeReport(assemblePeriodInput(rows, read('reports', PERIOD_TEMPLATES.quarter), null));
    expect(draft.missingUnits).toEqual(['CTK', 'SKHDT', 'VPUB']);
    expect(draft.content.notices[1]).toBe('Kỳ báo cáo tháng 3/2024 chưa được mở: số liệu của tháng này chưa có trong báo cáo.');
    // a flow needs every month; a to-date figure takes the last month reported
    expect(draft.figures.some((x) => x.indicatorCode === 'budget_revenue' && x.field === 'value')).toBe(false);
    expect(draft.figures.find((x) => x.indicatorCode === 'cpi_avg_yoy_change_ytd')!.months!.map((m) => m.month)).toEqual([2]);
    expect(paragraphs(draft.content, 'II.1.1')).toEqual([]);
  });
});
