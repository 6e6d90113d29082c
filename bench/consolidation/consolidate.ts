/**
 * The measured step: what the worker does with a period's rows once its queries have returned them —
 * group the history and derive every figure (assembleConsolidationInput), compose the report
 * (composeReport), serialise the revision's content and provenance as they are inserted (revisionColumns), and build
 * the DOCX (renderDocx). The PDF (LibreOffice) and Postgres round trips are not part of it.
 */
import { renderDocx } from '../../apps/worker/src/rendering/docx-report';
import { assembleConsolidationInput, assemblePeriodInput } from '../../libs/database/src/figures';
import type { YearProvince } from './year';
import { composeReport, revisionColumns } from '../../libs/domain/src';
import { Province, rowsOf } from './province';

export interface Timing {
  deriveMs: number;
  composeMs: number;
  serialiseMs: number;
  docxMs: number;
  totalMs: number;
  /** CPU time of this process over the whole step (GC threads included): steadier than wall time on a shared machine */
  cpuMs: number;
  figures: number;
  footnotes: number;
  contentBytes: number;
  docxBytes: number;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export async function consolidateProvince(p: Province): Promise<Timing> {
  const c0 = cpu();
  const t0 = now();
  const input = assembleConsolidationInput(rowsOf(p), p.template, 'Nguyễn Văn A');
  const t1 = now();
  const composed = composeReport(input);
  const t2 = now();
  // the revision's columns as consolidation inserts them
  const columns = revisionColumns(composed);
  const stored = columns.content.length + columns.figures.length;
  const t3 = now();
  const docx = await renderDocx(composed.content, { draft: true });
  const t4 = now();
  const cpuMs = cpu() - c0;
  return {
    deriveMs: t1 - t0, composeMs: t2 - t1, serialiseMs: t3 - t2, docxMs: t4 - t3, totalMs: t4 - t0, cpuMs,
    figures: composed.figures.length, footnotes: Object.keys(composed.content.footnotes).length, contentBytes: stored, docxBytes: docx.length,
  };
}

/**
 * The same step for a year (year.ts): every figure aggregated from twelve months by its rule, with
 * the months it comes from (assemblePeriodInput), then composed, serialised and built as a DOCX.
 */
export async function consolidateYear(y: YearProvince): Promise<Timing> {
  const c0 = cpu();
  const t0 = now();
  const input = assemblePeriodInput(y.rows, y.template, 'Nguyễn Văn A');
  const t1 = now();
  const composed = composeReport(input);
  const t2 = now();
  const columns = revisionColumns(composed);
  const stored = columns.content.length + columns.figures.length;
  const t3 = now();
  const docx = await renderDocx(composed.content, { draft: true });
  const t4 = now();
  const cpuMs = cpu() - c0;
  return {
    deriveMs: t1 - t0, composeMs: t2 - t1, serialiseMs: t3 - t2, docxMs: t4 - t3, totalMs: t4 - t0, cpuMs,
    figures: composed.figures.length, footnotes: Object.keys(composed.content.footnotes).length, contentBytes: stored, docxBytes: docx.length,
  };
}
