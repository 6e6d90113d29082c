import { exactOrNull } from '../exact-decimal';
import { FigureSource, Run } from './content';
import { FigureInput, IndicatorInfo } from './placeholders';
import { runsText } from './section-text';
import { targetParagraphs, TargetsTemplate } from './targets';

const info = (code: string, name: string, unitOfMeasure: string, kind: IndicatorInfo['kind'] = 'number', decimals = 1): IndicatorInfo => ({
  code, unitCode: 'STC', name, unitOfMeasure, kind, decimals, parentCode: null, hasCumulative: kind !== 'percent', planBasis: null, samePeriodStyle: 'change',
});
const figure = (estimate: string, plan: string | null, status?: FigureInput['status']): FigureInput => ({
  submissionId: 's', unitCode: 'STC', value: exactOrNull(estimate), text: null, cumulative: exactOrNull(estimate),
  planPct: null, samePeriodChangePct: null, samePeriodRatioPct: null, plan: plan === null ? null : exactOrNull(plan), status,
});

/** The annual template's table, as config/reports/ktxh-year-report.v2.json has it. */
const YEAR: TargetsTemplate = {
  lead: 'Số liệu tính đến ngày 30/11/{year}, ước thực hiện cả năm {year} các chỉ tiêu chủ yếu:',
  items: [{ indicator: 'grdp_growth', kind: 'rate', name: 'Tốc độ tăng trưởng kinh tế (GRDP)' }, { indicator: 'budget_revenue' }, { indicator: 'tourists' }, { indicator: 'forest' }],
  item: '{name}: kế hoạch {target}; ước cả năm {estimate}, {done}; {met}.',
  rateItem: '{name}: kế hoạch {target}; ước cả năm {estimate}; {met}.',
  metAtPct: 100,
  met: 'đạt',
  notMet: 'không đạt',
  summary: 'Có {met}/{total} chỉ tiêu chủ yếu đạt và vượt kế hoạch năm {year}.',
};

describe('the table of the year’s main targets', () => {
  const indicators = new Map([
    ['grdp_growth', info('grdp_growth', 'Tăng trưởng GRDP', '%', 'percent', 2)],
    ['budget_revenue', info('budget_revenue', 'Thu ngân sách', 'tỷ đồng')],
    ['tourists', info('tourists', 'Khách du lịch', 'lượt khách', 'number', 0)],
    ['forest', info('forest', 'Trồng rừng', 'ha')],
  ]);
  const compose = (figures: Map<string, FigureInput>, metAtPct = 100) => {
    const sources: FigureSource[] = [];
    const paragraphs = targetParagraphs({ ...YEAR, metAtPct }, {
      indicators, figures, period: { year: 2024, month: 12, type: 'year', number: 1 }, sectionId: 'targets',
      addFigure: (s) => sources.push(s) - 1,
    });
    return { text: paragraphs.map((p: Run[]) => runsText(p, new Map())), sources };
  };

  it('gives each target its plan, estimate, % done and met or not, then "x/y chỉ tiêu đạt và vượt"', () => {
    const { text, sources } = compose(new Map([
      // 8,06 < 8,5: a rate is met when it reaches the target itself
      ['grdp_growth', figure('8.06', '8.5', 'estimate')],
      // 7.650 / 7.500 = 102,0%: met
      ['budget_revenue', figure('7650', '7500', 'estimate')],
      // 4.200.000 / 4.500.000 = 93,33…%: not met
      ['tourists', figure('4200000', '4500000')],
      // 3.000 / 3.000 = 100,0%: met, exactly
      ['forest', figure('3000', '3000', 'official')],
    ]));
    expect(text).toEqual([
      'Số liệu tính đến ngày 30/11/2024, ước thực hiện cả năm 2024 các chỉ tiêu chủ yếu:',
      '(1) Tốc độ tăng trưởng kinh tế (GRDP): kế hoạch 8,50%; ước cả năm 8,06%; không đạt.',
      '(2) Thu ngân sách: kế hoạch 7.500,0 tỷ đồng; ước cả năm 7.650,0 tỷ đồng, đạt 102,0% kế hoạch; đạt.',
      '(3) Khách du lịch: kế hoạch 4.500.000 lượt khách; ước cả năm 4.200.000 lượt khách, đạt 93,3% kế hoạch; không đạt.',
      '(4) Trồng rừng: kế hoạch 3.000,0 ha; ước cả năm 3.000,0 ha, đạt 100,0% kế hoạch; đạt.',
      'Có 2/4 chỉ tiêu chủ yếu đạt và vượt kế hoạch năm 2024.',
    ]);
    // each estimate and % keeps its source and its status
    expect(sources.map((s) => [s.indicatorCode, s.field, s.value, s.status ?? null])).toEqual([
      ['grdp_growth', 'value', '8.06', 'estimate'],
      ['budget_revenue', 'cumulative', '7650', 'estimate'],
      ['budget_revenue', 'planPct', '102', 'estimate'],
      ['tourists', 'cumulative', '4200000', null],
      ['tourists', 'planPct', '93.3333333333', null],
      ['forest', 'cumulative', '3000', 'official'],
      ['forest', 'planPct', '100', 'official'],
    ]);
  });

  it('counts against the six months’ progress (50%) in the six-month report, and skips a target with no figure or no plan', () => {
    const { text } = compose(new Map([
      ['budget_revenue', figure('3900', '7500')], // 52,0%: on track
      ['tourists', figure('2000000', '4500000')], // 44,4%: behind
      ['forest', figure('1200', null)], // no plan: not in the table
    ]), 50);
    expect(text.slice(1, -1).map((p) => p.replace(/^\((\d)\).*; /, '$1 '))).toEqual(['1 đạt.', '2 không đạt.']);
    expect(text[text.length - 1]).toBe('Có 1/2 chỉ tiêu chủ yếu đạt và vượt kế hoạch năm 2024.');
  });
});
