import { demoComposeInput } from '../../../../test/support/demo-consolidation-input';
import { composeReport, FigureSource, packFigures, revisionColumns, unpackFigures } from '.';

describe('stored provenance', () => {
  const composed = composeReport(demoComposeInput());

  it('unpacks to the figures composition gave, through JSON as Postgres stores them', () => {
    const { figures } = revisionColumns(composed);
    expect(unpackFigures(JSON.parse(figures))).toEqual(composed.figures);
    expect(figures.length).toBeLessThan(JSON.stringify(composed.figures).length / 2);
  });

  it('keeps a unit with two submissions, and sections, apart; reads the figures of revisions stored before as they are', () => {
    const f = (unitCode: string, submissionId: string, sectionId: string): FigureSource => ({ unitCode, submissionId, indicatorCode: 'x', field: 'value', value: '1.5', text: '1,5', sectionId });
    const figures = [f('SA', 's1', 'II.1'), f('SB', 's2', 'II.1'), f('SA', 's1', 'II.2'), f('SA', 's3', 'II.2')];
    expect(unpackFigures(packFigures(figures))).toEqual(figures);
    expect(packFigures(figures).sources).toEqual([['SA', 's1'], ['SB', 's2'], ['SA', 's3']]);
    expect(unpackFigures(figures)).toBe(figures);
  });
});
