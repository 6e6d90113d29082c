import { issuerInSentence, replacementNotice, ReportContent, runsText, footnoteNumbers, sectionText, FigureSource, Run } from '@app/domain';

/** A piece of a paragraph as a reader sees it: plain text, a figure with its source, or a footnote mark. */
export type RunView = { text: string } | { text: string; source: FigureSource } | { text: string; typedByOffice: true } | { note: number };

function runsView(runs: Run[], numbers: Map<string, number>, figures: FigureSource[]): RunView[] {
  return runs.flatMap((r): RunView[] => {
    if (r.t === 'note') return numbers.has(r.id) ? [{ note: numbers.get(r.id)! }] : [];
    if (r.t === 'fig' && figures[r.ref]) return [{ text: r.text, source: figures[r.ref] }];
    if (r.t === 'text' && r.typed) return [{ text: r.text, typedByOffice: true }];
    return [{ text: r.text }];
  });
}

type SectionFigure = { paragraph: number; text: string; source: FigureSource | null; typedByOffice?: true };

/**
 * A revision as the API shows it: each section's text (editable), the same paragraphs as runs (for
 * reading: each figure carries its source), the footnotes, and every figure's source.
 */
export function revisionView(content: ReportContent, figures: FigureSource[]) {
  const numbers = footnoteNumbers(content);
  return {
    header: content.header,
    notices: content.notices,
    sections: content.sections.map((s) => ({
      id: s.id,
      number: s.number,
      heading: s.heading,
      level: s.level,
      style: s.style,
      text: sectionText(s, numbers),
      paragraphs: s.paragraphs.map((p) => runsView(p, numbers, figures)),
      figures: s.paragraphs.flatMap((p, paragraph) =>
        p.flatMap((r): SectionFigure[] => {
          if (r.t === 'fig') return [{ paragraph, text: r.text, source: figures[r.ref] ?? null }];
          return r.t === 'text' && r.typed ? [{ paragraph, text: r.text, source: null, typedByOffice: true as const }] : [];
        }),
      ),
    })),
    footnotes: [...numbers].map(([id, number]) => ({ number, text: runsText(content.footnotes[id], numbers), runs: runsView(content.footnotes[id], numbers, figures) })),
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The HTML preview: the same document, for a browser; a figure shows its source on hover. */
export function revisionHtml(content: ReportContent, figures: FigureSource[], meta: { numberLine: string; placeDate: string; draft: boolean }): string {
  const numbers = footnoteNumbers(content);
  const para = (runs: ReportContent['sections'][number]['paragraphs'][number]) =>
    runs
      .map((r) => {
        if (r.t === 'note') return numbers.has(r.id) ? `<sup><a href="#fn${numbers.get(r.id)}">${numbers.get(r.id)}</a></sup>` : '';
        if (r.t === 'fig') {
          const f = figures[r.ref];
          return `<span class="fig" title="${esc(`${f.unitCode} · ${f.indicatorCode} · ${f.field} = ${f.value}`)}">${esc(r.text)}</span>`;
        }
        if (r.t === 'text' && r.typed) return `<span class="typed" title="Văn phòng nhập (typed by the office)">${esc(r.text)}</span>`;
        return esc(r.text);
      })
      .join('');
  const h = content.header;
  const body = content.sections
    .map((s) => {
      if (s.style === 'run-in' || s.style === 'task') {
        const label = s.style === 'run-in' ? `<em><b>${esc(s.heading)}</b></em> ` : `<b>${esc(s.number)}</b> `;
        return s.paragraphs.map((p, i) => `<p>${i === 0 ? label : ''}${para(p)}</p>`).join('\n');
      }
      return `<p class="h${s.level}"><b>${esc([s.number, s.heading].filter(Boolean).join(' '))}</b></p>\n${s.paragraphs.map((p) => `<p>${para(p)}</p>`).join('\n')}`;
    })
    .join('\n');
  const notes = [...numbers].map(([id, n]) => `<p id="fn${n}"><sup>${n}</sup> ${para(content.footnotes[id])}</p>`).join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(h.title.join(' '))}</title>
<style>body{font-family:"Times New Roman",serif;font-size:14pt;max-width:165mm;margin:20mm auto}p{text-align:justify;text-indent:1.27cm;margin:0 0 6pt}
.hdr{display:flex;justify-content:space-between;text-align:center}.hdr p{text-indent:0;text-align:center;margin:0}.c{text-align:center;text-indent:0}
.fig{background:#eef5ff}.typed{background:#fff4e5}.notes{font-size:11pt;border-top:1px solid #000;margin-top:2em}.draft{color:#c00000;font-style:italic}</style></head><body>
<div class="hdr"><div>${h.issuer.map((t) => `<p><b>${esc(t)}</b></p>`).join('')}<p>${esc(meta.numberLine)}</p></div>
<div><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p><p><b><u>Độc lập - Tự do - Hạnh phúc</u></b></p><p><em>${esc(meta.placeDate)}</em></p></div></div>
<p class="c"><b>${esc(h.kind)}</b><br><b>${h.title.map(esc).join('<br>')}</b></p>
${meta.draft ? content.notices.map((n) => `<p class="draft">${esc(n)}</p>`).join('\n') : ''}
${h.replaces ? `<p data-testid="replaces"><em>${esc(replacementNotice(h.replaces, issuerInSentence(h.issuer)))}</em></p>` : ''}
${body}
<div class="hdr"><div style="text-align:left"><p style="text-align:left"><b><em>Nơi nhận:</em></b></p>${h.recipients.map((r) => `<p style="text-align:left;font-size:11pt">- ${esc(r)};</p>`).join('')}<p style="text-align:left;font-size:11pt">- ${esc(h.archive)}.</p></div>
<div><p><b>${esc(h.signature.onBehalf)}</b></p>${h.signature.for ? `<p><b>${esc(h.signature.for)}</b></p>` : ''}<p><b>${esc(h.signature.title)}</b></p><br><br><p><b>${esc(h.signature.name ?? '')}</b></p></div></div>
<div class="notes">${notes}</div></body></html>`;
}
