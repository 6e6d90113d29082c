import { dec } from './decimal';
import { formatNumber, formatPercent, parseNumberInput } from './vn-number';

function parsed(input: unknown): string {
  const r = parseNumberInput(input);
  if (!r.ok) throw new Error(`${String(input)} → ${r.code}`);
  return r.value.toFixed();
}

function code(input: unknown): string | null {
  const r = parseNumberInput(input);
  return r.ok ? null : r.code;
}

describe('parseNumberInput', () => {
  it.each([
    [47393, '47393'],
    [710.83, '710.83'],
    [0, '0'],
    [-4.19, '-4.19'],
    ['1234.5', '1234.5'],
    ['1.234,5', '1234.5'],
    ['47.393', '47393'],
    ['1.234.567', '1234567'],
    ['22.013,3', '22013.3'],
    ['710,83', '710.83'],
    ['710.83', '710.83'],
    ['5.000', '5000'],
    [' 1 234,5 ', '1234.5'],
    ['-0,5', '-0.5'],
    ['+12', '12'],
    ['1e3', '1000'],
  ])('reads %p as %s', (input, expected) => {
    expect(parsed(input)).toBe(expected);
  });

  it.each([['abc'], ['12,3,4'], ['1.23.4'], ['1,234.5'], ['--1'], [''], [true], [{}], [[1]], ['NaN'], ['Infinity']])(
    'refuses %p as INVALID_NUMBER',
    (input) => {
      expect(code(input)).toBe('INVALID_NUMBER');
    },
  );

  it('refuses huge numbers and too many decimals', () => {
    expect(code(1e308)).toBe('VALUE_TOO_LARGE');
    expect(code('1000000000000000')).toBe('VALUE_TOO_LARGE');
    expect(code('999999999999999')).toBeNull();
    expect(code('0,1234567')).toBe('TOO_MANY_DECIMALS');
  });
});

describe('formatNumber', () => {
  it.each([
    ['47393', undefined, '47.393'],
    ['710.83', undefined, '710,83'],
    ['22013.3', undefined, '22.013,3'],
    ['4800000', undefined, '4.800.000'],
    ['5000', undefined, '5.000'],
    ['144.4', 2, '144,40'],
    ['97.84999', 1, '97,8'],
    ['97.85', 1, '97,9'],
    ['-4.19', 2, '-4,19'],
    ['-0.04', 1, '0,0'],
    ['999.96', 1, '1.000,0'],
  ])('formats %s with %p decimals as %s', (value, decimals, expected) => {
    expect(formatNumber(value, { decimals })).toBe(expected);
  });

  it('formats percentages rounded once at the edge', () => {
    expect(formatPercent(dec(5000).div(9009).times(100), 1)).toBe('55,5%');
    expect(formatPercent('97.8')).toBe('97,8%');
  });
});
