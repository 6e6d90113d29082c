import { formatTyped } from '../officer/typing';
import { en } from './messages-en';
import { vi } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the two languages', () => {
  it('have the same placeholders in every message', () => {
    const differ = Object.keys(vi).filter((k) => placeholders(vi[k as keyof typeof vi]).join() !== placeholders(en[k as keyof typeof vi]).join());
    expect(differ).toEqual([]);
  });
});

describe('a typed figure shown back as understood', () => {
  it('groups thousands and uses the decimal comma, leaving what cannot be read for the officer to fix', () => {
    expect(formatTyped('47393')).toBe('47.393');
    expect(formatTyped('47.393')).toBe('47.393');
    expect(formatTyped('710.83')).toBe('710,83');
    expect(formatTyped(' 1234,50 ')).toBe('1.234,5');
    expect(formatTyped('12a')).toBe('12a');
    expect(formatTyped('')).toBe('');
  });
});
