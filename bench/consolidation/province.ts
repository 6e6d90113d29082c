/**
 * A synthetic province for the consolidation bench: 40 units × 300 indicators, May 2024, with 13
 * months of figures (May 2023 – May 2024, all approved), annual plans, and narratives. It is shaped
 * like the real monthly report, only much bigger: each unit has its own section with
 *   - 50 indicators with three "trong đó" parts each, whose statements carry a footnote listing the parts;
 *   - 100 indicators of their own (some in %, some compared "bằng x%", some without cumulative or plan);
 *   - one footnote anchored to a word of the narrative ("chăn nuôi");
 *   - three narrative paragraphs that already state a fifth of the unit's figures, printed as the
 *     report prints them (those are linked, not written again), among ordinary sentences with other numbers.
 * The rows are what loadConsolidationInput's queries return, so the bench runs the worker's own
 * code from there on. Deterministic: the same seed gives the same province.
 */
import { exactOrNull, renderPattern, ReportTemplate, StatementTemplate } from '../../libs/domain/src';
import type { HistoryRow, IndicatorRow, UnitRow, ValueRow } from '../../libs/database/src/figures';
import { assembleConsolidationInput, exactPlans, groupFigureHistory } from '../../libs/database/src/figures';
import { seededRandom } from '../../test/support/seeded-random';

export const UNITS = 40;
export const INDICATORS_PER_UNIT = 300;
const GROUPS = 50; // × (1 total + 3 parts) = 200 indicators
const OWN = INDICATORS_PER_UNIT - GROUPS * 4; // 100
const PERIOD = { type: 'month', year: 2024, number: 5 };
const MEASURES = ['tỷ đồng', 'ha', 'tấn', 'người', 'con', 'triệu USD', 'lượt', 'công trình'];

export interface Province {
  template: ReportTemplate;
  period: typeof PERIOD;
  indicators: IndicatorRow[];
  units: UnitRow[];
  values: ValueRow[];
  /** 13 months of approved history of every unit, every indicator (what the database holds) */
  history: HistoryRow[];
  /** what loadFigureHistory's query returns of it: periods 1..4 of this year and 1..5 of last year */
  historyRows: HistoryRow[];
  plans: Array<{ indicator_code: string; target: string }>;
}


export function syntheticProvince(seed: number): Province {
  const rnd = seededRandom(seed * 7919 + 1);
  const amount = (base: number, decimals: number) => (base * (0.8 + rnd() * 0.4)).toFixed(decimals);
  const indicators: IndicatorRow[] = [];
  const units: UnitRow[] = [];
  const values: ValueRow[] = [];
  const history: HistoryRow[] = [];
  const plans: Province['plans'] = [];
  const sections: ReportTemplate['sections'] = [{ id: 'II', number: 'II.', heading: 'TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG {month} VÀ {months} THÁNG NĂM {year}', level: 1, units: [] }];
  const narrativeOf = new Map<string, { code: string; statements: StatementTemplate[] }>();

  for (let u = 1; u <= UNITS; u++) {
    const unit = `U${String(u).padStart(2, '0')}`;
    const unitId = `00000000-0000-4000-8000-${String(seed).padStart(4, '0')}${String(u).padStart(8, '0')}`;
    const submissionId = `00000000-0000-4000-9000-${String(seed).padStart(4, '0')}${String(u).padStart(8, '0')}`;
    units.push({ id: unitId, code: unit, name: `Sở thứ ${u} của tỉnh ${seed + 1}`, submission_id: submissionId, state: 'approved' });
    const sectionId = `II.${u}`;
    const statements: StatementTemplate[] = [];

    const add = (row: Omit<IndicatorRow, 'unit_code' | 'compare_on' | 'has_same_period' | 'plan_basis' | 'aggregation'> & Partial<IndicatorRow>, base: number) => {
      indicators.push({ compare_on: 'cumulative', has_same_period: true, plan_basis: row.has_plan ? 'kế hoạch' : null, aggregation: row.has_cumulative ? 'flow' : 'to_date', unit_code: unit, ...row });
      const d = row.decimals ?? 0;
      values.push({ submission_id: submissionId, indicator_code: row.code, numeric_value: amount(base, d), text_value: null, cumulative_entered: null });
      // approved history May 2023 – April 2024 (with May 2024, 13 months): the system started in May 2023, so
      // that month's officers typed their cumulative, which "so với cùng kỳ" of a cumulative is taken on
      for (let k = 0; k < 12; k++) {
        const month = ((4 + k) % 12) + 1;
        const year = k < 8 ? 2023 : 2024;
        const value = amount(base * (year === 2023 ? 0.93 : 1), d);
        const cumulative = k === 0 && row.has_cumulative ? amount(base * 0.93 * 5, d) : null;
        history.push({ unit_id: unitId, year, number: month, indicator_code: row.code, numeric_value: value, cumulative_entered: cumulative });
      }
      if (row.has_plan) plans.push({ indicator_code: row.code, target: (base * 12 * (0.9 + rnd() * 0.3)).toFixed(0) });
    };

    for (let g = 1; g <= GROUPS; g++) {
      const code = `u${u}_g${g}`;
      const measure = MEASURES[(u + g) % MEASURES.length];
      const base = 200 + Math.floor(rnd() * 50_000);
      const decimals = g % 3;
      add({ code, name: `Tổng số nhóm ${g}`, unit_of_measure: measure, kind: 'number', decimals, parent_code: null, has_cumulative: true, has_plan: true, same_period_style: 'change' }, base);
      for (let c = 1; c <= 3; c++) {
        add({ code: `${code}_${c}`, name: `Phần ${c} của nhóm ${g}`, unit_of_measure: measure, kind: 'number', decimals, parent_code: code, has_cumulative: true, has_plan: true, same_period_style: g % 2 ? 'ratio' : 'change' }, base / 3);
      }
      statements.push({
        unit, indicator: code,
        sentence: '{name} trong tháng ước đạt {value}, lũy kế {months} tháng đạt {cumulative}{footnote}, {plan}, {samePeriod}.',
        footnote: { lead: 'Trong đó: ', items: 'children', first: '{name} ước đạt {figure}, {plan}, {samePeriod}' },
      });
    }
    for (let i = 1; i <= OWN; i++) {
      const code = `u${u}_i${i}`;
      const percent = i % 10 === 0;
      const base = percent ? 60 + rnd() * 40 : 50 + Math.floor(rnd() * 100_000);
      add({
        code, name: `Chỉ tiêu ${i}`, unit_of_measure: percent ? '%' : MEASURES[(u * 3 + i) % MEASURES.length], kind: percent ? 'percent' : 'number',
        decimals: percent ? 1 : i % 4, parent_code: null, has_cumulative: !percent && i % 7 !== 0, has_plan: !percent && i % 5 !== 0,
        same_period_style: i % 3 === 0 ? 'ratio' : 'change', compare_on: i % 6 === 0 ? 'value' : 'cumulative',
      }, base);
      statements.push(
        percent
          ? { unit, indicator: code, sentence: '{name} đạt {value}, {samePeriod}.' }
          : i % 11 === 0
            ? { unit, indicator: code, sentence: '{name} trong tháng đạt {value}, lũy kế đạt {cumulative}, {plan}; {samePeriod}.', context: [`chỉ tiêu ${i}`] }
            : { unit, indicator: code, sentence: '{name} trong tháng ước đạt {value}, lũy kế {months} tháng đạt {cumulative}, {plan}, {samePeriod}.' },
      );
    }
    statements.push({
      unit, sentence: 'Chăn nuôi gia súc, gia cầm ổn định{footnote}.', anchor: ['chăn nuôi'],
      footnote: { lead: 'Trong đó: ', items: [`u${u}_g1_1`, `u${u}_g1_2`, `u${u}_g1_3`], first: '{name} khoảng {value}, {samePeriod}', item: '{name} khoảng {value}, {samePeriod:short}' },
    });
    const narrative = `narrative_${unit.toLowerCase()}_${sectionId.replace(/\./g, '_').toLowerCase()}`;
    indicators.push({ code: narrative, name: 'Thuyết minh', unit_of_measure: null, kind: 'text', decimals: null, parent_code: null, has_cumulative: false, has_plan: false, plan_basis: null, has_same_period: false, compare_on: 'value', same_period_style: 'change', aggregation: 'to_date', unit_code: unit });
    narrativeOf.set(unit, { code: narrative, statements });
    sections.push({ id: sectionId, number: `${u}.`, heading: `Lĩnh vực của sở thứ ${u}`, level: 2, units: [unit], statements });
  }

  const template: ReportTemplate = {
    code: 'BENCH-BC', version: 1, formCode: 'BENCH', name: 'Báo cáo tổng hợp (bench)', decimals: {}, sections,
    document: {
      issuer: ['ỦY BAN NHÂN DÂN', `TỈNH THỨ ${seed + 1}`], place: `Tỉnh thứ ${seed + 1}`, numberSuffix: 'BC-UBND', kind: 'BÁO CÁO',
      title: ['Tình hình kinh tế - xã hội tháng {month} và {months} tháng đầu năm,', 'nhiệm vụ trọng tâm tháng {nextMonth} năm {nextYear}'],
      signature: { onBehalf: 'TM. ỦY BAN NHÂN DÂN', for: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' }, recipients: ['Thường trực Tỉnh ủy', 'Các sở, ban, ngành'], archive: 'Lưu: VT, TH',
    },
  };

  // the narratives: each unit states a fifth of its own figures as the report would print them
  const historyRows = history.filter((r) => (r.year === PERIOD.year && r.number < PERIOD.number) || (r.year === PERIOD.year - 1 && r.number <= PERIOD.number));
  const province: Province = { template, period: PERIOD, indicators, units, values, history, historyRows, plans };
  const input = assembleConsolidationInput(rowsOf(province), template, null);
  const ctx = { indicators: input.indicators, figures: input.figures, decimals: template.decimals, period: { year: PERIOD.year, month: PERIOD.number } };
  for (const u of units) {
    const { code, statements } = narrativeOf.get(u.code)!;
    const stated = statements.filter((s, k) => s.indicator && !s.footnote && k % 5 === 0);
    const sentences = stated.map((s) => (renderPattern(ctx, s.sentence, s.indicator) ?? []).map((p) => ('text' in p ? p.text : '')).join(''));
    const prose = [
      'Đơn vị tiếp tục triển khai các nhiệm vụ trọng tâm theo kế hoạch, tổ chức 12 hội nghị chuyên đề và 3 đoàn kiểm tra.',
      'Công tác chăn nuôi được quan tâm, không để dịch bệnh lây lan trên diện rộng.',
      'Đã ban hành 27 văn bản chỉ đạo, hướng dẫn các huyện, thành phố thực hiện.',
    ];
    const paragraphs = [0, 1, 2].map((p) => [prose[p], ...sentences.filter((_, k) => k % 3 === p)].join(' '));
    values.push({ submission_id: u.submission_id, indicator_code: code, numeric_value: null, text_value: paragraphs.join('\n\n'), cumulative_entered: null });
  }
  return province;
}

/** The rows of loadConsolidationInput's queries made into its input, with the worker's own code (loadExactFigureHistory, loadExactPlans). */
export function rowsOf(p: Province) {
  return { period: p.period, indicators: p.indicators, units: p.units, values: p.values, history: groupFigureHistory(p.historyRows, p.period, exactOrNull), plans: exactPlans(p.plans) };
}
