import { checkFormVersion, FormVersionSpec, PublishedIndicator } from './form-version';

const spec = (indicators: FormVersionSpec['sections'][number]['indicators'], more: Partial<FormVersionSpec> = {}): FormVersionSpec => ({
  code: 'F',
  name: 'Biểu',
  periodTypes: ['month'],
  sections: [{ code: 'A', title: 'Phần A', units: ['SA'], indicators }],
  ...more,
});
const units = new Set(['SA', 'SB']);
const codes = (s: FormVersionSpec, history: PublishedIndicator[] = []) => checkFormVersion(s, history, units).map((p) => p.code);

describe('checkFormVersion', () => {
  it('accepts a sound version', () => {
    expect(codes(spec([{ code: 'a', name: 'A', kind: 'number' }, { code: 'a1', name: 'A1', kind: 'number', parent: 'a' }]))).toEqual([]);
  });

  it('finds every problem, not just the first', () => {
    const s = spec([
      { code: 'a', name: 'A', kind: 'number', parent: 'b' },
      { code: 'b', name: 'B', kind: 'number', parent: 'a' },
      { code: 'a', name: 'A again', kind: 'number' },
      { code: 'c', name: 'C', kind: 'number', parent: 'nowhere' },
      { code: 'bad code!', name: 'X', kind: 'number' },
    ]);
    expect(codes(s).sort()).toEqual(['FORM_CYCLE', 'FORM_DUPLICATE_CODE', 'FORM_FIELD_INVALID', 'FORM_MISSING_PARENT']);
  });

  it('reports a cycle once, however many of its members start the walk', () => {
    const s = spec([
      { code: 'x', name: 'X', kind: 'number', parent: 'z' },
      { code: 'y', name: 'Y', kind: 'number', parent: 'x' },
      { code: 'z', name: 'Z', kind: 'number', parent: 'y' },
    ]);
    expect(codes(s)).toEqual(['FORM_CYCLE']);
  });

  it('wants a parent filled by the same units, known units, a section code once', () => {
    const s: FormVersionSpec = {
      code: 'F', name: 'Biểu', periodTypes: ['month'],
      sections: [
        { code: 'A', title: 'A', units: ['SA'], indicators: [{ code: 'p', name: 'P', kind: 'number' }] },
        { code: 'A', title: 'B', units: ['SB', 'SZ'], indicators: [{ code: 'q', name: 'Q', kind: 'number', parent: 'p' }] },
      ],
    };
    expect(codes(s).sort()).toEqual(['FORM_DUPLICATE_SECTION', 'FORM_PARENT_OTHER_UNIT', 'FORM_UNKNOWN_UNIT']);
  });

  it('keeps a code’s meaning across versions: a rename is fine, a new unit of measure or a retired code reused as something else is not', () => {
    const history: PublishedIndicator[] = [
      { code: 'cattle', name: 'Đàn bò', kind: 'number', unit: 'con', version: 1 },
      { code: 'goats', name: 'Đàn dê', kind: 'number', unit: 'con', version: 1 },
      { code: 'cattle', name: 'Đàn bò', kind: 'number', unit: 'con', version: 2 },
    ];
    expect(codes(spec([{ code: 'cattle', name: 'Tổng đàn bò', kind: 'number', unit: 'con' }]), history)).toEqual([]);
    expect(codes(spec([{ code: 'cattle', name: 'Đàn bò', kind: 'number', unit: 'nghìn con' }]), history)).toEqual(['FORM_MEANING_CHANGED']);
    expect(codes(spec([{ code: 'goats', name: 'Đàn cừu', kind: 'number', unit: 'con' }]), history)).toEqual(['FORM_CODE_REUSED']);
    expect(codes(spec([{ code: 'goats', name: 'Đàn dê', kind: 'number', unit: 'con' }]), history)).toEqual([]); // brought back as what it was
  });

  it('wants a name, a period type and a flow for a figure with a cumulative', () => {
    expect(codes(spec([{ code: 'a', name: 'A', kind: 'number', hasCumulative: true, aggregation: 'stock' }], { name: ' ', periodTypes: [] })).sort())
      .toEqual(['FORM_FIELD_INVALID', 'FORM_FIELD_INVALID', 'FORM_FIELD_INVALID']);
  });
});
