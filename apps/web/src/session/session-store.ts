/**
 * The access token lives in memory only (a script that runs in the page cannot find it in
 * storage, and it dies with the tab); the session goes on through the HttpOnly refresh cookie.
 * The tab keeps one thing in sessionStorage: whose session it is (a user id, no secret), so that
 * after a reload it carries on the same person's session when the browser holds several.
 */
const KEY = 'tonghop.user';

export function readTabUser(storage: Storage = sessionStorage): string | null {
  try {
    return storage.getItem(KEY);
  } catch {
    return null;
  }
}

export function writeTabUser(userId: string | null, storage: Storage = sessionStorage): void {
  try {
    if (userId) storage.setItem(KEY, userId);
    else storage.removeItem(KEY);
  } catch {
    // storage refused (private mode): a reload then asks to sign in again
  }
}
