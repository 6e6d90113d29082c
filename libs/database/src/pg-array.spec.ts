import { boolArray, intArray, textArray } from './pg-array';

describe('pg array literals', () => {
  it('quotes every text element, escapes quotes and backslashes, writes NULL for null', () => {
    expect(textArray([])).toBe('{}');
    expect(textArray(['a', null, 'b c', 'NULL', 'x"y', 'p\\q', '{,}'])).toBe(
      '{"a",NULL,"b c","NULL","x\\"y","p\\\\q","{,}"}',
    );
  });

  it('writes integers and booleans bare, and refuses what is not an integer', () => {
    expect(intArray([0, -3, 42])).toBe('{0,-3,42}');
    expect(boolArray([true, false, true])).toBe('{t,f,t}');
    expect(boolArray([])).toBe('{}');
    expect(() => intArray([1.5])).toThrow(TypeError);
  });
});
