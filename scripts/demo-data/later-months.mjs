// June–December 2024: synthetic months after the reference May, made the way the history is made
// (figures.mjs): flows and counts vary ±20 % around May's figure with one factor per "trong đó" family
// (the total rounded up, the parts down, so parts never exceed their total), season-to-date totals
// stay at May's, stocks continue their path from April to May month by month, rates and %-changes
// wander around May's value. The units' paragraphs are May's without its sentences that state a
// figure or a date (those would be May's), so a month's report reads as that month's.
import { max, rng, scaleBy, toNumber, toScaled } from './decimal.mjs';

export const LATER_MONTHS = [6, 7, 8, 9, 10, 11, 12];
const key = (y, m) => `${y}-${m}`;

/** Sentences of a paragraph that state no number (no digit): what a later month may say again. */
export function wordsOnly(paragraph) {
  const sentences = paragraph.split(/(?<=[.!?])\s+(?=[A-ZÀ-ỸĐ“"(])/u);
  return sentences.filter((s) => !/\d/.test(s)).join(' ').trim();
}

function factorFamily(root, n, f) {
  const mode = n === root ? (n.kids.length ? 'ceil' : 'round') : 'floor';
  return max(0n, scaleBy(n.V, f, 1n, mode));
}

/** Fills n.later (month → scaled value at s24) for every numeric node. */
export function fillLaterMonths(roots, percentNodes) {
  for (const root of roots) {
    const single = root.members.length === 1 && !root.hasCum && root.ind.scope === 'as_of_date';
    const r = rng(`${root.code}:later2024`);
    for (const m of LATER_MONTHS) {
      if (single) {
        const april = toNumber(root.h.get(key(2024, 4)), root.s24);
        const may = toNumber(root.V, root.s24);
        const step = april > 0 ? Math.min(1.03, Math.max(0.97, may / april)) : 1;
        const v = may * step ** (m - 5);
        (root.later ??= new Map()).set(m, max(0n, toScaled(v.toFixed(root.d), root.s24)));
        continue;
      }
      const f = root.ind.scope === 'season' ? 1 : r.between(0.8, 1.2);
      for (const n of root.members) (n.later ??= new Map()).set(m, factorFamily(root, n, f));
    }
  }
  for (const n of percentNodes) {
    const r = rng(`${n.code}:pct-later2024`);
    const center = toNumber(n.V, n.s24);
    for (const m of LATER_MONTHS) {
      let x = center + r.between(-1.5, 1.5);
      if (n.ind.rate) x = center >= 100 ? center : Math.min(100, Math.max(0, x));
      (n.later ??= new Map()).set(m, toScaled(x.toFixed(n.d), n.s24));
    }
  }
}

/** The later months' submissions of every unit, in the shape of may-2024.json. */
export function laterMonthFiles(form, units2024, byCode) {
  return LATER_MONTHS.map((m) => {
    const submissions = units2024.map((u) => {
      const values = [];
      for (const s of form.sections.filter((x) => x.units[0] === u)) {
        for (const i of s.indicators) {
          const n = byCode.get(i.code);
          if (n) {
            if (!i.event && n.later) values.push({ indicatorCode: i.code, value: toNumber(n.later.get(m), n.s24), note: null });
          } else if (i.narrative) {
            const text = i.paragraphs.map(wordsOnly).filter(Boolean).join('\n\n');
            if (text) values.push({ indicatorCode: i.code, value: text, note: null });
          } else values.push({ indicatorCode: i.code, value: i.text, note: null });
        }
      }
      return { unit: u, values };
    });
    return {
      year: 2024,
      month: m,
      notes: [
        `Tháng ${m}/2024: số liệu giả lập (scripts/generate-demo-data.mjs, như lịch sử các tháng trước): không phải số liệu thật của tỉnh. Đoạn thuyết minh là các câu không nêu số của tháng 5/2024.`,
      ],
      submissions,
    };
  });
}
