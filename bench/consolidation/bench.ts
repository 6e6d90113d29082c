// npm run bench:consolidation — compose + DOCX for synthetic provinces (40 units × 300 indicators,
// 13 months of history), 1 and 34 of them; baseline: the same composed content just serialised.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeReport, dec, deriveFigures, FigureInput, IndicatorInfo, ReportTemplate } from '../../libs/domain/src';
import { renderDocx } from '../../apps/worker/src/rendering/docx-report';

const UNITS = 40;
const PER_UNIT = 300;

function province(seed: number) {
  const indicators = new Map<string, IndicatorInfo>();
  const figures = new Map<string, FigureInput>();
  const sections: ReportTemplate['sections'] = [];
  for (let u = 0; u < UNITS; u++) {
    const unit = `U${u}`;
    const statements = [];
    for (let i = 0; i < PER_UNIT; i++) {
      const code = `u${u}_i${i}`;
      indicators.set(code, { code, unitCode: unit, name: `Chỉ tiêu ${i} của đơn vị ${u}`, unitOfMeasure: 'tỷ đồng', kind: 'number', decimals: 1, parentCode: null, hasCumulative: true, planBasis: 'kế hoạch', samePeriodStyle: 'change' });
      const months = new Map(Array.from({ length: 4 }, (_, k) => [k + 1, { value: dec(100 + ((seed + i + k) % 50)), enteredCumulative: null }]));
      const last = new Map(Array.from({ length: 5 }, (_, k) => [k + 1, { value: dec(90 + ((seed + i + k) % 40)), enteredCumulative: null }]));
      const d = deriveFigures({ rule: { hasCumulative: true, hasPlan: true, hasSamePeriod: true, compareOn: 'cumulative' }, periodNumber: 5, current: { value: dec(120 + (i % 7)), enteredCumulative: null }, earlier: months, lastYear: last, annualPlan: dec(1500) });
      figures.set(code, { submissionId: `s${u}`, unitCode: unit, value: dec(120 + (i % 7)), text: null, cumulative: d.cumulative, planPct: d.planPct, samePeriodChangePct: d.samePeriodChangePct, samePeriodRatioPct: d.samePeriodRatioPct });
      statements.push({ unit, indicator: code, sentence: '{name} trong tháng đạt {value}, lũy kế {months} tháng đạt {cumulative}, {plan}, {samePeriod}.' });
    }
    const narrative = `narrative_${unit.toLowerCase()}_s_${u}`;
    figures.set(narrative, { submissionId: `s${u}`, unitCode: unit, value: null, text: 'Đơn vị tiếp tục triển khai các nhiệm vụ trọng tâm theo kế hoạch. '.repeat(8), cumulative: null, planPct: null, samePeriodChangePct: null, samePeriodRatioPct: null });
    sections.push({ id: `S.${u}`, number: `${u + 1}.`, heading: `Lĩnh vực ${u + 1}`, level: 2, units: [unit], statements });
  }
  const template: ReportTemplate = {
    code: 'BENCH', version: 1, formCode: 'BENCH', name: 'bench', decimals: {}, sections,
    document: { issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH X'], place: 'X', numberSuffix: 'BC-UBND', kind: 'BÁO CÁO', title: ['Báo cáo tháng {month}'], signature: { onBehalf: 'TM. ỦY BAN NHÂN DÂN', for: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' }, recipients: ['Như trên'], archive: 'Lưu: VT' },
  };
  return { template, period: { year: 2024, month: 5 }, indicators, figures, units: [...Array(UNITS)].map((_, u) => ({ code: `U${u}`, name: `Đơn vị ${u}`, approved: true })) };
}

async function run(n: number, withDocx: boolean) {
  const inputs = Array.from({ length: n }, (_, i) => province(i));
  global.gc?.();
  const t = process.hrtime.bigint();
  let peak = process.memoryUsage().rss;
  let bytes = 0;
  for (const input of inputs) {
    const r = composeReport(input);
    if (withDocx) bytes += (await renderDocx(r.content, { draft: false })).length;
    else bytes += JSON.stringify(r.content).length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, peakMb: Math.round(peak / 1048576), bytes };
}

(async () => {
  await run(1, true); // warm-up
  const one = await run(1, true);
  const many = await run(34, true);
  const baseOne = await run(1, false);
  const growth = many.ms / one.ms;
  const result = {
    name: 'consolidation',
    value: Math.round(many.ms),
    unit: 'ms for 34 provinces (compose + DOCX)',
    baseline: Math.round(one.ms * 34),
    ratio: Number((many.ms / (one.ms * 34)).toFixed(2)),
    notes: `40 units × 300 indicators, 13 months of history per province. One province: ${Math.round(one.ms)} ms (target < 1000), ` +
      `34: ${Math.round(many.ms)} ms (target < 15000); baseline = linear extrapolation of one province × 34 (ratio ≈ 1 means linear growth, ×${growth.toFixed(1)} for 34×). ` +
      `Compose + JSON serialise only (no DOCX) for one province: ${Math.round(baseOne.ms)} ms. Peak RSS ${many.peakMb} MB; DOCX bytes for 34: ${many.bytes}.`,
    time: { oneProvinceMs: Math.round(one.ms), provinces34Ms: Math.round(many.ms), composeOnlyOneMs: Math.round(baseOne.ms) },
    peakMemoryMb: many.peakMb,
    growth1to34: Number(growth.toFixed(1)),
  };
  writeFileSync(join(__dirname, '..', 'results', 'consolidation.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
})();
