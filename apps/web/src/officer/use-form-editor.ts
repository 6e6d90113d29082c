import { type ErrorDetail, isEditable } from '@app/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { SaveAnswer, SubmissionView, TransitionAnswer } from '@app/contracts';
import { draftKey, loadDraft, storeDraft } from './draft-storage';
import { baseText, buildRows, buildSections, CellField, CellState, cellState, CellText, Edits, RowModel, ruleProblems, saveItems } from './form-model';

export const AUTOSAVE_MS = 1200;

export interface SaveStatus {
  saving: boolean;
  savedAt: Date | null;
  error: ApiError | null;
}

const currentStates = (rows: RowModel[], bases: Record<string, CellText>, edits: Edits) =>
  new Map<string, CellState>(rows.map((r) => [r.code, cellState(r, bases[r.code], edits[r.code])]));

const byCode = (details: ErrorDetail[]) => {
  const m = new Map<string, ErrorDetail[]>();
  for (const d of details) if (d.indicatorCode) m.set(d.indicatorCode, [...(m.get(d.indicatorCode) ?? []), d]);
  return m;
};

/**
 * The officer's editing session on one submission: typed edits over the server's values, autosave
 * (debounced, with the optimistic-lock version), a 409 answered by reloading while keeping and
 * highlighting what was typed, drafts kept in localStorage until saved, and submission.
 */
export function useFormEditor(submissionId: string, userId: string) {
  const [view, setView] = useState<SubmissionView | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [bases, setBases] = useState<Record<string, CellText>>({});
  const [edits, setEdits] = useState<Edits>({});
  const [status, setStatus] = useState<SaveStatus>({ saving: false, savedAt: null, error: null });
  const [conflict, setConflict] = useState<Set<string> | null>(null);
  const [restored, setRestored] = useState(0);
  const [serverProblems, setServerProblems] = useState<Map<string, ErrorDetail[]>>(new Map());
  const [requireAll, setRequireAll] = useState(false);
  const key = draftKey(submissionId, userId);

  const rows = useMemo(() => (view ? buildRows(view) : []), [view]);
  const sections = useMemo(() => (view ? buildSections(view, rows) : []), [view, rows]);
  const states = useMemo(() => currentStates(rows, bases, edits), [rows, bases, edits]);
  const problems = useMemo(() => ruleProblems(rows, states, requireAll), [rows, states, requireAll]);
  const editable = isEditable(view?.state);
  const dirtyCodes = useMemo(() => [...states].filter(([, s]) => s.dirty).map(([c]) => c), [states]);
  const invalidCount = useMemo(() => [...states.values()].filter((s) => s.errors.length > 0).length, [states]);

  const latest = useRef({ rows, edits });
  latest.current = { rows, edits };
  // updated at once when a save or reload answers, not at the next render: a save queued behind
  // another must send the version and compare against the values that one produced
  const versionRef = useRef(0);
  const basesRef = useRef<Record<string, CellText>>({});
  const inFlight = useRef<Promise<boolean> | null>(null);

  const applyView = useCallback((next: SubmissionView) => {
    const nextBases = Object.fromEntries(next.values.map((v) => [v.indicatorCode, baseText(v)]));
    versionRef.current = next.version;
    basesRef.current = nextBases;
    setView(next);
    setBases(nextBases);
  }, []);

  const load = useCallback(async () => {
    try {
      const next = await api.get<SubmissionView>(`/submissions/${submissionId}`);
      applyView(next);
      const draft = loadDraft(localStorage, key);
      if (draft && (next.state === 'draft' || next.state === 'returned')) {
        const known = new Set(next.values.map((v) => v.indicatorCode));
        const kept = Object.fromEntries(Object.entries(draft.edits).filter(([code]) => known.has(code)));
        setEdits(kept);
        setRestored(Object.keys(kept).length);
        // typed against an older version: someone changed the report since, so the officer checks these
        if (draft.version !== next.version && Object.keys(kept).length > 0) setConflict(new Set(Object.keys(kept)));
      }
    } catch (e) {
      setLoadError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e)));
    }
  }, [submissionId, key, applyView]);

  useEffect(() => {
    void load();
  }, [load]);

  // the safety net: what is typed and not yet saved is in localStorage at every keystroke
  useEffect(() => {
    if (!view) return;
    const unsaved: Edits = {};
    for (const code of dirtyCodes) unsaved[code] = edits[code];
    storeDraft(localStorage, key, view.version, unsaved);
  }, [dirtyCodes, edits, view, key]);

  const reloadKeepingEdits = useCallback(async () => {
    const next = await api.get<SubmissionView>(`/submissions/${submissionId}`);
    applyView(next);
    return next;
  }, [submissionId, applyView]);

  const saveNow = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    const { rows: r, edits: e } = latest.current;
    const b = basesRef.current;
    const { items, sent } = saveItems(r, b, currentStates(r, b, e));
    if (items.length === 0) return true;
    const run = (async () => {
      setStatus((x) => ({ ...x, saving: true, error: null }));
      try {
        const answer = await api.put<SaveAnswer>(`/submissions/${submissionId}/values`, { version: versionRef.current, values: items });
        versionRef.current = answer.version;
        basesRef.current = { ...basesRef.current, ...sent };
        setView((cur) => (cur ? { ...cur, version: answer.version } : cur));
        setBases(basesRef.current);
        // an edit typed while the save was in flight differs from what was sent and stays
        setEdits((cur) => {
          const next = { ...cur };
          for (const code of Object.keys(sent)) {
            const typed = { ...b[code], ...cur[code] };
            if (typed.value === sent[code].value && typed.note === sent[code].note && typed.cumulative === sent[code].cumulative) delete next[code];
          }
          return next;
        });
        setServerProblems((cur) => new Map([...cur].filter(([code]) => !(code in sent))));
        setStatus({ saving: false, savedAt: new Date(), error: null });
        return true;
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e));
        setStatus((x) => ({ ...x, saving: false, error: err }));
        if (err.code === 'VERSION_CONFLICT') {
          await reloadKeepingEdits();
          setConflict(new Set(Object.keys(sent)));
        } else if (err.code === 'SUBMISSION_NOT_EDITABLE' || err.code === 'SUBMISSION_LOCKED') {
          await reloadKeepingEdits();
        } else if (err.details.length > 0) {
          setServerProblems(byCode(err.details));
        }
        return false;
      }
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      if (inFlight.current === run) inFlight.current = null;
    }
  }, [submissionId, reloadKeepingEdits]);

  // autosave: shortly after the officer stops typing; paused while a conflict waits for their decision
  useEffect(() => {
    if (!editable || conflict || dirtyCodes.length === 0) return;
    const timer = setTimeout(() => void saveNow(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [edits, editable, conflict, dirtyCodes.length, saveNow]);

  const setCell = useCallback((code: string, field: CellField, text: string) => {
    setEdits((cur) => ({ ...cur, [code]: { ...cur[code], [field]: text } }));
  }, []);

  const resolveConflict = useCallback(
    async (keepMine: boolean) => {
      if (!keepMine) setEdits({});
      setConflict(null);
      if (keepMine) await saveNow();
    },
    [saveNow],
  );

  /** Saves what is pending, checks the rules as the server will, then submits. */
  const submit = useCallback(async (): Promise<{ ok: boolean; problems: number }> => {
    if (!(await saveNow())) return { ok: false, problems: 0 };
    setRequireAll(true);
    const r = latest.current.rows;
    const s = currentStates(r, basesRef.current, latest.current.edits);
    const invalid = [...s.values()].filter((x) => x.errors.length > 0).length;
    const found = ruleProblems(r, s, true).size + invalid;
    if (found > 0) return { ok: false, problems: found };
    try {
      await api.post<TransitionAnswer>(`/submissions/${submissionId}/submit`, { version: versionRef.current });
      applyView(await api.get<SubmissionView>(`/submissions/${submissionId}`));
      setEdits({});
      setServerProblems(new Map());
      return { ok: true, problems: 0 };
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e));
      setStatus((x) => ({ ...x, error: err }));
      if (err.code === 'SUBMISSION_INVALID') setServerProblems(byCode(err.details));
      if (err.code === 'VERSION_CONFLICT') await reloadKeepingEdits();
      return { ok: false, problems: err.details.length };
    }
  }, [saveNow, submissionId, applyView, reloadKeepingEdits]);

  /** Values read from an Excel file: applied as edits, then saved through the API like typing. */
  const applyImported = useCallback((imported: Edits) => {
    setEdits((cur) => {
      const next = { ...cur };
      for (const [code, e] of Object.entries(imported)) next[code] = { ...cur[code], ...e };
      return next;
    });
  }, []);

  return {
    view, loadError, rows, sections, states, problems, serverProblems, editable, dirtyCodes, invalidCount,
    status, conflict, restored, bases, edits,
    setCell, saveNow, submit, resolveConflict, applyImported, dismissRestored: () => setRestored(0), reload: reloadKeepingEdits,
  };
}

export type FormEditor = ReturnType<typeof useFormEditor>;
