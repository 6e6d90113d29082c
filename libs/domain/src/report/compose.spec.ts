import { demoComposeInput, readReportTemplate } from '../../../../test/support/demo-consolidation-input';
import { composeReport, footnoteNumbers, runsText, sectionText } from '.';

// the May 2024 demo as the worker's consolidation assembles it (test/support/demo-consolidation-input.ts)
const template = readReportTemplate();

function compose(withoutNarratives = false) {
  const r = composeReport(demoComposeInput(template, { withoutNarratives }));
  const numbers = footnoteNumbers(r.content);
  const text = (id: string) => sectionText(r.content.sections.find((s) => s.id === id)!, numbers);
  const note = (n: number) => runsText(r.content.footnotes[[...numbers].find(([, k]) => k === n)![0]], numbers);
  return { r, text, note, numbers };
}

describe('composing the monthly report from the May 2024 demo figures', () => {
  it('keeps the units’ own sentences, links their figures to the source and adds the breakdown footnotes', () => {
    const { r, text, note } = compose();
    expect(text('II.1.1')).toContain('đạt 97,8% kế hoạch tương đương 47.393 ha[^1], tăng 1,7% so với cùng kỳ.');
    expect(text('II.1.1')).toContain('đàn lợn và gia cầm tăng[^2].');
    expect(text('II.1.1')).toContain('theo kế hoạch[^3].');
    expect(note(1)).toBe(
      'Trong đó: Diện tích lúa ước đạt 15.560 ha, đạt 103,7% kế hoạch, bằng 99,8% so với cùng kỳ; ngô 14.120 ha, đạt 100,9%, bằng 110,1%; ' +
        'rau các loại 5.850 ha, đạt 97,5%, bằng 99,7%; thạch đen 1.045 ha, đạt 41,8%, bằng 144,40%; khoai tây 659 ha, đạt 109,8%, bằng 106,1%; ' +
        'thuốc lá 2.624 ha, đạt 109,3%, bằng 115,2%; ớt 1.560 ha, đạt 104%, bằng 100,8%.',
    );
    expect(note(2)).toBe('Trong đó: Đàn trâu khoảng 56.945 con, giảm 9,06% so với cùng kỳ; đàn bò khoảng 27.334 con, giảm 1,25%; đàn lợn khoảng 177.802 con, tăng 4,86%; đàn gia cầm khoảng 5.331,74 nghìn con, tăng 1,78%.');
    const forest = r.figures.filter((f) => f.indicatorCode === 'new_forest_planted');
    expect(forest.map((f) => [f.field, f.text, f.unitCode])).toEqual([
      ['value', '710,83', 'SNN'],
      ['cumulative', '5.000', 'SNN'],
      ['planPct', '55,5', 'SNN'],
    ]);
    expect(text('II.1.1').match(/710,83/g)).toHaveLength(1);
  });

  it('writes the figures itself, in the reference’s sentences, where units wrote no narrative', () => {
    const { text, note } = compose(true);
    expect(text('II.1.1')).toContain('Trồng rừng mới trong tháng được 710,83 ha, lũy kế 5 tháng trồng được 5.000 ha, đạt 55,5% kế hoạch.');
    expect(text('II.1.6')).toContain('Tổng thu ngân sách nhà nước trên địa bàn tháng 5 ước đạt 984,5 tỷ đồng[^');
    expect(text('II.1.5')).toContain('tổng vốn đầu tư 5.199 tỷ đồng, bằng 262,9% so với cùng kỳ.');
    expect(note(1)).toMatch(/^Trong đó: Diện tích lúa ước đạt 15.560 ha/);
  });

  it('follows the reference outline and says "dự toán" for budget figures', () => {
    const { r, text } = compose();
    expect(r.content.sections.map((s) => s.id).slice(0, 9)).toEqual(['I', 'II', 'II.1', 'II.1.1', 'II.1.2', 'II.1.3', 'II.1.4', 'II.1.5', 'II.1.6']);
    expect(r.content.sections.find((s) => s.id === 'II')!.heading).toBe('TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 5 VÀ 5 THÁNG NĂM 2024');
    expect(r.content.sections.find((s) => s.id === 'III')!.heading).toBe('NHIỆM VỤ TRỌNG TÂM THÁNG 6 NĂM 2024');
    expect(text('II.1.6')).toContain('đạt 53% dự toán');
    expect(r.content.header.title).toEqual(['Tình hình kinh tế - xã hội tháng 5 và 5 tháng đầu năm,', 'nhiệm vụ trọng tâm tháng 6 năm 2024']);
    expect(r.missingUnits).toEqual([]);
  });

  it('lists the units still missing and leaves their figures out', () => {
    const input = demoComposeInput(template);
    input.units = input.units.map((u) => (u.code === 'STC' ? { ...u, name: 'Sở Tài chính', approved: false } : u));
    for (const [code, f] of input.figures) if (f.unitCode === 'STC') (input.figures as Map<string, unknown>).delete(code);
    const r = composeReport(input);
    expect(r.missingUnits).toEqual(['STC']);
    expect(r.content.notices[0]).toContain('Sở Tài chính');
    expect(r.figures.some((f) => f.unitCode === 'STC')).toBe(false);
  });
});
