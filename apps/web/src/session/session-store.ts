import type { LoginAnswer } from '@app/contracts';

/** The access token lives in sessionStorage: it dies with the tab, and a new tab signs in again. */
const KEY = 'tonghop.session';

export type StoredSession = LoginAnswer;

export function readSession(storage: Storage = sessionStorage): StoredSession | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as StoredSession;
    return typeof s?.accessToken === 'string' && s.user?.id ? s : null;
  } catch {
    return null;
  }
}

export function writeSession(session: StoredSession | null, storage: Storage = sessionStorage): void {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}
