import type { ContentSection } from './content';
import { parseSectionText } from './section-text';

const section: ContentSection = {
  id: 'II.1.1', number: '1.1.', heading: 'Sản xuất nông, lâm nghiệp', level: 2, style: 'heading',
  paragraphs: [[{ t: 'text', text: 'Trồng rừng mới trong tháng được ' }, { t: 'fig', text: '710,83', ref: 0 }, { t: 'text', text: ' ha, kế hoạch năm 2024.' }]],
};

describe('parseSectionText: what the office typed', () => {
  it('keeps the source of a figure still printed, and leaves the numbers already there (a year) as text', () => {
    const [runs] = parseSectionText('Trồng rừng mới trong tháng được 710,83 ha, kế hoạch năm 2024.', section, new Map());
    expect(runs).toEqual(section.paragraphs[0]);
  });

  it('marks a retyped figure as typed by the office: it no longer has a source', () => {
    const [runs] = parseSectionText('Trồng rừng mới trong tháng được 720,5 ha (1.234 ha lũy kế), kế hoạch năm 2024.', section, new Map());
    expect(runs).toEqual([
      { t: 'text', text: 'Trồng rừng mới trong tháng được ' },
      { t: 'text', text: '720,5', typed: true },
      { t: 'text', text: ' ha (' },
      { t: 'text', text: '1.234', typed: true },
      { t: 'text', text: ' ha lũy kế), kế hoạch năm 2024.' },
    ]);
  });
});
