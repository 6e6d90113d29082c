import { dec } from './decimal';
import { canonicalDecimal, decimalText, decimalTextOrNull, fitsDouble } from './decimal-text';
import { lessHundred, parseExact, percent, Percent } from './exact-decimal';
import { formatNumber, formatPercent } from './vn-number';

describe('decimalText: figures and percentages as the API sends them', () => {
  it('writes a figure exactly, without trailing zeros or exponent, whatever holds it', () => {
    expect(decimalText(parseExact('710.830000'))).toBe('710.83');
    expect(decimalText(dec('710.830000'))).toBe('710.83');
    expect(decimalText(parseExact('123456789012345.123456'))).toBe('123456789012345.123456');
    expect(decimalText(dec('123456789012345.123456'))).toBe('123456789012345.123456');
    expect(decimalText(dec('0.0000001'))).toBe('0.0000001');
    expect(decimalText(dec('-4800000'))).toBe('-4800000');
    expect(decimalText(dec('0'))).toBe('0');
  });

  it('keeps a percentage to 10 decimals, the precision provenance keeps, rounded half-up', () => {
    expect(decimalText(dec(5000).div(9009).times(100))).toBe('55.5000555001');
    expect(decimalText(percent(parseExact('5000'), parseExact('9009'))!)).toBe('55.5000555001');
    expect(decimalText(percent(parseExact('1'), parseExact('8'))!)).toBe('12.5');
    expect(decimalText(lessHundred(percent(parseExact('7'), parseExact('8'))!))).toBe('-12.5');
  });

  it('writes a percentage that rounds to zero from below as "0", never "-0"', () => {
    const tiny = new Percent(-1, 1e12);
    expect(decimalText(tiny)).toBe('0');
    expect(decimalText(dec('-0.00000000001'))).toBe('0');
  });

  it('passes null through', () => {
    expect(decimalTextOrNull(null)).toBeNull();
    expect(decimalTextOrNull(undefined)).toBeNull();
    expect(decimalTextOrNull(dec('1.50'))).toBe('1.5');
  });

  it('canonicalises stored text', () => {
    expect(canonicalDecimal('710.830000')).toBe('710.83');
    expect(canonicalDecimal('5000.000000')).toBe('5000');
    expect(canonicalDecimal('-0.000000')).toBe('0');
    expect(canonicalDecimal('123456789012345.123456')).toBe('123456789012345.123456');
  });

  it('tells which decimals a double holds exactly', () => {
    expect(fitsDouble('710.83')).toBe(true);
    expect(fitsDouble('47.393')).toBe(true);
    expect(fitsDouble('-9.06')).toBe(true);
    expect(fitsDouble('999999999999999')).toBe(true);
    expect(fitsDouble('123456789012345.123456')).toBe(false);
    expect(fitsDouble('9007199254740993')).toBe(false);
    expect(fitsDouble('0.0000001')).toBe(false);
  });

  it('is formatted from the string, exactly, the Vietnamese way', () => {
    expect(formatNumber('123456789012345.123456')).toBe('123.456.789.012.345,123456');
    expect(formatNumber('-123456789012345.5', { decimals: 0 })).toBe('-123.456.789.012.346');
    expect(formatNumber('710.83')).toBe('710,83');
    expect(formatPercent('55.5000555001')).toBe('55,5%');
    expect(formatPercent('-9.0559')).toBe('-9,1%');
  });
});
