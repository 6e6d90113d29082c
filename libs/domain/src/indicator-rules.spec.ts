import { dec } from './decimal';
import { CellValue, checkIndicatorRules, IndicatorRule, parseCell } from './indicator-rules';

const rule = (code: string, over: Partial<IndicatorRule> = {}): IndicatorRule => ({
  code,
  name: code,
  kind: 'number',
  required: true,
  min: dec(0),
  max: null,
  integerOnly: false,
  parentCode: null,
  ...over,
});
const cell = (n: string | null, cumulative: string | null = null): CellValue => ({
  numeric: n === null ? null : dec(n),
  text: null,
  enteredCumulative: cumulative === null ? null : dec(cumulative),
});

describe('indicator rules', () => {
  const rules = [
    rule('total'),
    rule('rice', { parentCode: 'total' }),
    rule('maize', { parentCode: 'total', integerOnly: true }),
    rule('note', { kind: 'text', required: false, min: null }),
    rule('change', { kind: 'percent', min: null, max: dec(100) }),
  ];

  it('accepts a consistent form', () => {
    const values = new Map([
      ['total', cell('100', '500')],
      ['rice', cell('60', '300')],
      ['maize', cell('40', '200')],
      ['change', cell('-4.19')],
    ]);
    expect(checkIndicatorRules(rules, values, { requireAll: true })).toEqual([]);
  });

  it('lists every broken rule with its indicator code', () => {
    const values = new Map([
      ['rice', cell('120', '10')],
      ['total', cell('100', '20')],
      ['maize', cell('-1.5', '15')],
      ['change', cell('101')],
    ]);
    const errors = checkIndicatorRules(rules, values, { requireAll: true }).map((e) => `${e.indicatorCode}:${e.code}`);
    expect(errors.sort()).toEqual(
      ['maize:BELOW_MIN', 'maize:NOT_INTEGER', 'change:ABOVE_MAX', 'rice:PART_ABOVE_PARENT', 'total:PARTS_ABOVE_PARENT', 'total:PARTS_ABOVE_PARENT'].sort(),
    );
  });

  it('requires figures only when asked to (at submission, not while drafting)', () => {
    const values = new Map<string, CellValue>();
    expect(checkIndicatorRules(rules, values, { requireAll: false })).toEqual([]);
    const codes = checkIndicatorRules(rules, values, { requireAll: true }).map((e) => e.indicatorCode);
    expect(codes).toEqual(['total', 'rice', 'maize', 'change']);
  });

  it('parses cells by kind', () => {
    expect(parseCell(rules[0], '1.234,5')).toMatchObject({ ok: true });
    expect(parseCell(rules[0], 'mười')).toMatchObject({ ok: false, error: { code: 'INVALID_NUMBER', indicatorCode: 'total' } });
    expect(parseCell(rules[3], 12)).toMatchObject({ ok: false, error: { code: 'WRONG_VALUE_KIND' } });
    expect(parseCell(rules[3], 'Trong tháng…')).toMatchObject({ ok: true, text: 'Trong tháng…' });
    expect(parseCell(rules[0], null)).toMatchObject({ ok: true, numeric: null });
  });
});
