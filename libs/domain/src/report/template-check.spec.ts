import { checkTemplatePatterns } from './template-check';
import type { ReportTemplate } from './template';

const template = (sentence: string, indicator: string | null = 'forest', sentenceByNumber?: Record<string, string | null>): ReportTemplate => ({
  code: 'T', version: 1, formCode: 'F', name: 'T', decimals: {},
  document: { issuer: [], place: '', numberSuffix: '', kind: '', title: [], signature: { onBehalf: '', for: null, title: '' }, recipients: [], archive: '' },
  sections: [{ id: 'II.1', number: '1.', heading: 'H', level: 2, units: ['SA'], statements: [{ unit: 'SA', indicator: indicator ?? undefined, sentence, sentenceByNumber }] }],
});
const known = new Set(['forest', 'sown']);
const codes = (t: ReportTemplate) => checkTemplatePatterns(t, known).map((p) => p.code);

describe('checkTemplatePatterns', () => {
  it('accepts the placeholders compose understands', () => {
    expect(codes(template('Trồng rừng {months} tháng được {cumulative}, {plan:short}, {sown.value:n}, {samePeriod}{footnote}; {name} {year}.'))).toEqual([]);
  });

  it('refuses an unknown indicator, field, modifier or malformed placeholder, in every pattern of the statement', () => {
    expect(codes(template('{cattle.value} {forest.total} {cumulative:big} {weekday} {forest value}', 'forest', { '1': '{goats.value}', '12': null }))).toEqual([
      'TEMPLATE_UNKNOWN_INDICATOR', 'TEMPLATE_UNKNOWN_PLACEHOLDER', 'TEMPLATE_UNKNOWN_PLACEHOLDER', 'TEMPLATE_UNKNOWN_PLACEHOLDER', 'TEMPLATE_UNKNOWN_PLACEHOLDER',
      'TEMPLATE_UNKNOWN_INDICATOR',
    ]);
  });

  it('wants a main indicator that exists, and one for a figure placeholder without a code', () => {
    expect(codes(template('{value}', 'nothing'))).toEqual(['TEMPLATE_UNKNOWN_INDICATOR']);
    expect(codes(template('{value} {month}', null))).toEqual(['TEMPLATE_UNKNOWN_INDICATOR']);
  });
});
