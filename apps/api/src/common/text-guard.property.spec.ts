import fc from 'fast-check';
import { unstorableTextAt } from './text-guard';

const unstorableText = (v: unknown) => unstorableTextAt(v) !== null;

describe('unstorableTextAt', () => {
  const wellFormed = fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/\u0000/g, '').replace(/[\uD800-\uDFFF]/gu, ''));
  const json = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, wellFormed, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(wellFormed, tie('value'), { maxKeys: 3 })),
  })).value;

  it('lets any well-formed text without U+0000 through, at any depth', () => {
    fc.assert(fc.property(json, (v) => expect(unstorableText(v)).toBe(false)), { seed: 1607, numRuns: 500 });
  });

  it('finds U+0000 or a lone surrogate anywhere: a value, a key, an array, deep down', () => {
    const bad = fc.constantFrom('\u0000', 'a\ud800', '\udfffb', 'x\u0000y');
    fc.assert(
      fc.property(json, bad, fc.nat(3), (v, b, where) => {
        const poisoned = [b, { [b]: v }, [v, b], { a: { b: [v, { c: b }] } }][where];
        expect(unstorableText(poisoned)).toBe(true);
      }),
      { seed: 1607, numRuns: 500 },
    );
  });

  it('takes a well-formed pair (an emoji) and a Buffer (a PDF to verify) as they are', () => {
    expect(unstorableText({ name: 'Nguyễn 🙂' })).toBe(false);
    expect(unstorableText(Buffer.from([0, 0xd8, 0]))).toBe(false);
  });
});
