import { escapeText, textRun } from './text-runs';

describe('text written into the DOCX', () => {
  it('escapes the XML specials and leaves out what XML 1.0 cannot hold', () => {
    expect(escapeText('a < b & "c" \'d\' > e')).toBe('a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e');
    expect(escapeText('x\u0000\u0001\u001f\uFFFE\uFFFFy')).toBe('xy');
    // half a surrogate pair goes, a whole one (an emoji, a rare Hán character) stays
    expect(escapeText('a\uD800b\uDC00c')).toBe('abc');
    expect(escapeText('𠀀 😀')).toBe('𠀀 😀');
    expect(escapeText('tab\tand\nnewline\r')).toBe('tab\tand\nnewline\r');
  });

  it('yields a run any XML parser reads', () => {
    const run = textRun('Số liệu\uFFFF của \uDBFFSở');
    expect(run).toBe('<w:r><w:t xml:space="preserve">Số liệu của Sở</w:t></w:r>');
  });
});
