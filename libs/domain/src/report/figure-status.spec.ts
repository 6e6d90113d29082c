import { ContentSection, FigureSource, MonthSource } from './content';
import { noteRevisions, withStatus } from './figure-status';
import { packFigures, unpackFigures } from './provenance';
import type { FigureInput } from './placeholders';

const months = (statuses: Array<MonthSource['status']>): MonthSource[] =>
  statuses.map((status, i) => ({ month: i + 1, submissionId: `m${i + 1}`, value: String(100 + i), ...(status ? { status } : {}) }));

const input = (m: MonthSource[]): FigureInput => ({
  submissionId: 'm6', unitCode: 'STC', value: null, text: null, cumulative: null, planPct: null, samePeriodChangePct: null, samePeriodRatioPct: null,
  months: { value: m, cumulative: m, basis: m },
});
const source = (code = 'budget_revenue'): FigureSource => ({ unitCode: 'STC', submissionId: 'm6', indicatorCode: code, field: 'cumulative', value: '615', text: '615', sectionId: 'II.1.7' });

describe('the status a printed figure carries, and the footnote of an official figure', () => {
  it('a six-month sum is an estimate while June is, official once every month is', () => {
    const five = ['official', 'official', 'official', 'official', 'official'] as const;
    expect(withStatus(source(), input(months([...five, 'estimate'])), 'cumulative').status).toBe('estimate');
    expect(withStatus(source(), input(months([...five, 'official'])), 'cumulative').status).toBe('official');
    // nobody stated anything: no status (read as an estimate), as before this existed
    expect(withStatus(source(), input(months([undefined, undefined])), 'cumulative').status).toBeUndefined();
    // a month's own figure: its own status and what it replaced
    const own: FigureInput = { ...input([]), months: undefined, status: 'official', revised: { previousValue: '98.5', previousStatus: 'estimate' } };
    expect(withStatus(source(), own, 'value')).toMatchObject({ status: 'official', revised: { previousValue: '98.5', previousStatus: 'estimate' } });
  });

  it('notes the revised month once, after the first figure of its indicator (after a footnote it already has)', () => {
    const june: MonthSource = { month: 6, submissionId: 'm6', value: '105', status: 'official', revised: { previousValue: '101', previousStatus: 'estimate' } };
    const m = [...months(['official', 'official', 'official', 'official', 'official']), june];
    const figures = [withStatus(source(), input(m), 'cumulative'), withStatus({ ...source(), field: 'planPct' }, input(m), 'planPct'), source('tourists')];
    const sections: ContentSection[] = [{
      id: 'II.1.7', number: '7.', heading: 'Ngân sách', level: 3, style: 'heading',
      paragraphs: [[
        { t: 'text', text: 'Tổng thu ngân sách ước đạt ' }, { t: 'fig', text: '615', ref: 0 }, { t: 'note', id: 'II.1.7#1' },
        { t: 'text', text: ' tỷ đồng, đạt ' }, { t: 'fig', text: '52,3%', ref: 1 }, { t: 'text', text: '; khách ' }, { t: 'fig', text: '1', ref: 2 },
      ]],
    }];
    const footnotes: Record<string, never[]> = {};
    noteRevisions(sections, figures, footnotes, { year: 2024, month: 6, type: 'half_year', number: 1 });
    expect(sections[0].paragraphs[0].map((r) => (r.t === 'note' ? `^${r.id}` : r.t === 'fig' ? `[${r.text}]` : r.text)).join('')).toBe(
      'Tổng thu ngân sách ước đạt [615]^II.1.7#1^revised#budget_revenue tỷ đồng, đạt [52,3%]; khách [1]',
    );
    expect(footnotes).toEqual({ 'revised#budget_revenue': [{ t: 'text', text: 'Số liệu tháng 6/2024 là số liệu chính thức (thay số ước đã báo cáo).' }] });
  });

  it('stores the statuses and what an official figure replaced, and unpacks them as composed', () => {
    const june: MonthSource = { month: 6, submissionId: 'm6', value: '105', status: 'official', revised: { previousValue: '101', previousStatus: 'estimate' } };
    const m = [...months(['official', 'preliminary', undefined, 'official', 'official']), june];
    const own: FigureInput = { ...input([]), months: undefined, submissionId: 'g1', status: 'preliminary' };
    const figures = [
      withStatus(source(), input(m), 'cumulative'),
      withStatus({ ...source(), field: 'planPct' }, input(m), 'planPct'),
      withStatus({ ...source('grdp_growth'), submissionId: 'g1', field: 'value' }, own, 'value'),
      source('tourists'),
    ];
    expect(figures[0].status).toBe('estimate');
    const stored = JSON.parse(JSON.stringify(packFigures(figures)));
    expect(unpackFigures(stored)).toEqual(figures);
    expect(Object.keys(stored.revised)).toHaveLength(1);
  });
});
