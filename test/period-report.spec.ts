import { composeReport, dec, FigureSource, formatNumber, ReportContent, ReportTemplate, runsText } from '../libs/domain/src';
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

/**
 * The six-month report of 2024 from the approved months January–June (June synthetic) and the
 * period's own form: it reads as a six-month report, carries the table of the year's main targets,
 * and each summed figure names its six months.
 */
describe('the six-month report of 2024', () => {
  const { content, figures, missingUnits } = composeReport(demoPeriodComposeInput('half_year', 2024, 1));

  it('has the six-month title, outline and wording', () => {
    expect(content.header.title).toEqual(['Tình hình kinh tế - xã hội 6 tháng đầu năm 2024,', 'phương hướng, nhiệm vụ 6 tháng cuối năm 2024']);
    const outline = content.sections.filter((s) => s.level === 1).map((s) => `${s.number} ${s.heading}`);
    expect(outline).toEqual([
      'PHẦN THỨ NHẤT. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2024',
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
      'II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU',
      'III. KẾT QUẢ TRÊN CÁC NGÀNH, LĨNH VỰC',
      'IV. ĐÁNH GIÁ CHUNG; TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
      'PHẦN THỨ HAI. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024',
    ]);
    expect(missingUnits).toEqual([]);
    const text = everything(content);
    const counts = [...text.matchAll(/(?<![\d.,])(\d+) tháng/gu)].map((m) => Number(m[1]));
    expect(counts.filter((n) => n !== 6)).toEqual([]);
    expect(paragraphs(content, 'II.1.7')[0]).toMatch(/^Tổng thu ngân sách nhà nước trên địa bàn 6 tháng đầu năm ước đạt [\d.,]+ tỷ đồng, đạt [\d,]+% dự toán/);
  });

  it('carries the table of the year’s main targets: plan, estimate, % done, met or not, and x/y', () => {
    const table = paragraphs(content, 'targets');
    expect(table[0]).toBe('Ước thực hiện 6 tháng đầu năm 2024 các chỉ tiêu chủ yếu của kế hoạch năm:');
    expect(table[1]).toBe('(1) Tốc độ tăng trưởng kinh tế (GRDP): kế hoạch năm 8,50%; ước thực hiện 6 tháng 6,05%; chưa đạt tiến độ.');
    expect(table[2]).toMatch(/^\(2\) Tổng thu ngân sách nhà nước trên địa bàn: kế hoạch năm 7\.500,0 tỷ đồng; ước thực hiện 6 tháng [\d.,]+ tỷ đồng, đạt [\d,]+% kế hoạch; (đạt|chưa đạt) tiến độ\.$/);
    const met = table.filter((p) => /; đạt tiến độ\.$/.test(p)).length;
    const total = table.filter((p) => /^\(\d+\)/.test(p)).length;
    expect(table[table.length - 1]).toBe(`Có ${met}/${total} chỉ tiêu chủ yếu đạt từ 50% kế hoạch năm trở lên (đạt tiến độ).`);
  });

  it('sums a flow over the six months, each with its approved submission', () => {
    const f = figures.find((x) => x.indicatorCode === 'budget_revenue' && x.sectionId === 'II.1.7' && x.field === 'cumulative')!;
    expect(f.months!.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(f.months!.reduce((a, m) => a.plus(dec(m.value)), dec(0)).toFixed()).toBe(f.value);
    expect(new Set(f.months!.map((m) => m.submissionId)).size).toBe(6);
  });
});

/**
 * Estimates and official figures in the six-month report: the months January–May marked official,
 * June an estimate; then June's budget revenue replaced by its official figure (a figure revision)
 * — the sum says "ước" while June is, "chính thức" once it is not, and the report footnotes the
 * official June figure at the first figure of the budget it prints.
 */
describe('the six-month report on estimates, then with June’s official figure', () => {
  const template = read<ReportTemplate>('reports', PERIOD_TEMPLATES.half_year);
  const rowsWith = (june: { value?: string; status: 'estimate' | 'official'; revised?: boolean }) => {
    const rows = demoPeriodRows('half_year', 2024, 1);
    for (const m of rows.months) if (m.year === 2024) m.status = m.number < 6 ? 'official' : 'estimate';
    const stc = rows.months.find((m) => m.year === 2024 && m.number === 6 && m.indicator_code === 'budget_revenue')!;
    const estimate = stc.numeric_value;
    stc.status = june.status;
    if (june.value) stc.numeric_value = june.value;
    if (june.revised) rows.revised = [{ year: 2024, number: 6, submission_id: stc.submission_id, indicator_code: 'budget_revenue', previous_value: estimate, previous_status: 'estimate' }];
    return { rows, stc, estimate };
  };
  const budget = (figures: FigureSource[]) => figures.find((x) => x.indicatorCode === 'budget_revenue' && x.sectionId === 'II.1.7' && x.field === 'cumulative')!;

  it('prints the six months on June’s estimate: status "ước", no footnote', () => {
    const { rows } = rowsWith({ status: 'estimate' });
    const { content, figures } = composeReport(assemblePeriodInput(rows, template, null));
    expect(budget(figures).status).toBe('estimate');
    expect(budget(figures).months!.map((m) => m.status)).toEqual(['official', 'official', 'official', 'official', 'official', 'estimate']);
    expect(Object.keys(content.footnotes).filter((k) => k.startsWith('revised#'))).toEqual([]);
  });

  it('with June’s official figure: the sum is the new one, official, and footnoted once', () => {
    const before = budget(composeReport(assemblePeriodInput(rowsWith({ status: 'estimate' }).rows, template, null)).figures);
    const { rows, stc, estimate } = rowsWith({ value: dec(rowsWith({ status: 'estimate' }).stc.numeric_value!).plus(12.5).toFixed(), status: 'official', revised: true });
    const { content, figures } = composeReport(assemblePeriodInput(rows, template, null));
    const after = budget(figures);
    // hand check: the six months grow by exactly the 12,5 billion June's official figure adds
    expect(dec(after.value).minus(dec(before.value)).toFixed()).toBe('12.5');
    expect(after.status).toBe('official');
    expect(after.months![5]).toEqual({ month: 6, submissionId: stc.submission_id, value: dec(stc.numeric_value!).toFixed(), status: 'official', revised: { previousValue: estimate, previousStatus: 'estimate' } });
    expect(content.footnotes['revised#budget_revenue']).toEqual([{ t: 'text', text: 'Số liệu tháng 6/2024 là số liệu chính thức (thay số ước đã báo cáo).' }]);
    const notes = content.sections.flatMap((s) => s.paragraphs.flat()).filter((r) => r.t === 'note' && r.id === 'revised#budget_revenue');
    expect(notes).toHaveLength(1);
    // the figure it follows is the first budget figure printed (the targets table's)
    const firstBudget = figures.findIndex((f) => f.indicatorCode === 'budget_revenue');
    const runs = content.sections.flatMap((s) => s.paragraphs.flat());
    const at = runs.findIndex((r) => r.t === 'note' && r.id === 'revised#budget_revenue');
    expect(runs.slice(0, at).reverse().find((r) => r.t === 'fig')).toMatchObject({ ref: firstBudget });
  });
});

describe('the annual report of 2024, made in early December on estimates', () => {
  const { content } = composeReport(demoPeriodComposeInput('year', 2024, 1));

  it('states its data to 30/11 and estimates the whole year, counting the targets met', () => {
    const table = paragraphs(content, 'targets');
    expect(table[0]).toBe('Số liệu tính đến ngày 30/11/2024, ước thực hiện cả năm 2024 các chỉ tiêu chủ yếu:');
    expect(table.slice(1, -1).every((p) => /^\(\d+\) .*; ước cả năm .*; (đạt|không đạt)\.$/.test(p))).toBe(true);
    const met = table.filter((p) => /; đạt\.$/.test(p)).length;
    expect(table[table.length - 1]).toBe(`Có ${met}/${table.length - 2} chỉ tiêu chủ yếu đạt và vượt kế hoạch năm 2024.`);
    expect(content.header.title).toEqual(['Tình hình kinh tế - xã hội năm 2024,', 'kế hoạch năm 2025']);
  });
});
