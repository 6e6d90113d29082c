import { seededRandom } from '../../../test/support/seeded-random';
import { dec } from './decimal';
import { formatNumber, formatPercent, MAX_ABS_VALUE, MAX_DECIMALS, parseNumberInput, parseNumberText } from './vn-number';

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

/** What parseNumberText must agree with: the input normalised by the same patterns, then read and checked by decimal.js. */
function reference(input: unknown): string {
  let s: string;
  if (typeof input === 'number') s = String(input);
  else {
    s = String(input).trim().replace(/\s+/g, '');
    if (/^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
    else s = s.replace(',', '.');
  }
  const d = dec(s);
  if (d.abs().gte(MAX_ABS_VALUE)) return 'VALUE_TOO_LARGE';
  if (d.decimalPlaces() > MAX_DECIMALS) return 'TOO_MANY_DECIMALS';
  return d.isZero() ? '0' : d.toFixed();
}

function text(input: unknown): string {
  const r = parseNumberText(input);
  return r.ok ? r.text : r.code;
}

describe('parseNumberText (the save path: canonical text without a decimal)', () => {
  it.each([
    ['+0012.3400', '12.34'],
    ['-0,000', '0'],
    ['-0', '0'],
    ['000', '0'],
    ['0.5', '0.5'],
    ['-000,050', '-0.05'],
    ['-000.050', '-0.05'], // a first group of 0 is no thousands grouping: a decimal point
    ['-1.050', '-1050'], // groups of three digits: thousands, as officers type
    ['0.005', '0.005'],
    ['1.000,370', '1000.37'],
    ['123456789012345,123456', '123456789012345.123456'],
    ['0001000000000000000', 'VALUE_TOO_LARGE'],
    ['1,1234560', '1.123456'],
    [1e-7, 'TOO_MANY_DECIMALS'],
    [1.5e21, 'VALUE_TOO_LARGE'],
    [-0, '0'],
    ['2,5E3', 'INVALID_NUMBER'],
    ['2.5e-3', '0.0025'],
  ])('reads %p as %s', (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it('agrees with decimal.js on 20,000 random inputs (numbers, Vietnamese and dot forms, zeros, signs, limits)', () => {
    const random = seededRandom(2024_05);
    const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(random() * 10))).join('');
    const group = (int: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    for (let i = 0; i < 20_000; i++) {
      const sign = ['', '-', '+'][Math.floor(random() * 3)];
      const int = '0'.repeat(Math.floor(random() * 3)) + digits(1 + Math.floor(random() * 17));
      const frac = random() < 0.3 ? '' : digits(Math.floor(random() * 9)) + '0'.repeat(Math.floor(random() * 3));
      const form = Math.floor(random() * 4);
      const input =
        form === 0 ? Number(`${sign === '+' ? '' : sign}${int}.${frac || '0'}`)
        : form === 1 ? `${sign}${int}${frac ? `.${frac}` : ''}`
        : form === 2 ? `${sign}${int.replace(/^0+(?=\d)/, '')}${frac ? `,${frac}` : ''}`
        : `${sign}${group(int.replace(/^0+(?=\d)/, ''))}${frac ? `,${frac}` : ''}`;
      expect([input, text(input)]).toEqual([input, reference(input)]);
    }
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
