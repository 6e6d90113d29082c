import type { Edits } from './form-model';

/**
 * Unsaved typing, kept in localStorage per submission and user until the server has it: a tab
 * closed by mistake, a crash or an expired session loses nothing. Another user of the same
 * browser never sees it (the key names the user).
 */
export interface StoredDraft {
  /** the submission version the edits were typed against */
  version: number;
  edits: Edits;
  at: string;
}

export const draftKey = (submissionId: string, userId: string) => `tonghop.draft.${submissionId}.${userId}`;

export function loadDraft(storage: Storage, key: string): StoredDraft | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as StoredDraft;
    return d && typeof d.version === 'number' && d.edits && typeof d.edits === 'object' ? d : null;
  } catch {
    return null;
  }
}

/** Stores only the edits still unsaved; nothing left unsaved removes the draft. */
export function storeDraft(storage: Storage, key: string, version: number, unsaved: Edits, now = new Date()): void {
  try {
    if (Object.keys(unsaved).length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify({ version, edits: unsaved, at: now.toISOString() } satisfies StoredDraft));
  } catch {
    // storage full or disabled: the form still works, only the safety net is missing
  }
}
