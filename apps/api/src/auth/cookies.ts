import type { AppConfig } from '@app/config';
import { ttlSeconds } from '@app/config';

/**
 * The refresh token's cookie: sent to the API only (the queue board reads it too), never readable
 * by scripts. One per user (its name carries the user's id), so two people in two tabs of one
 * browser, as happens on a shared office computer, each keep their own session.
 */
const REFRESH_COOKIE_PREFIX = 'tonghop_refresh_';
const REFRESH_COOKIE_PATH = '/api';

const cookieNameOf = (userId: string) => `${REFRESH_COOKIE_PREFIX}${userId.replace(/-/g, '').toLowerCase()}`;

function cookies(header: string | undefined): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    try {
      if (k) out.push([k, decodeURIComponent(v.join('='))]);
    } catch {
      // a malformed value is no cookie of ours
    }
  }
  return out;
}

/** The refresh tokens the browser sent: the one of `userId` when given, else all of them. */
export function refreshTokensIn(header: string | undefined, userId?: string): string[] {
  const wanted = userId ? cookieNameOf(userId) : null;
  return cookies(header)
    .filter(([name]) => (wanted ? name === wanted : name.startsWith(REFRESH_COOKIE_PREFIX)))
    .map(([, value]) => value);
}

/**
 * Secure in production and wherever the public address is https; a trial on http://localhost in
 * development or test goes without it (a browser would drop a Secure cookie there).
 */
function secure(config: AppConfig): boolean {
  return config.NODE_ENV === 'production' || config.PUBLIC_URL.startsWith('https:');
}

export function refreshCookie(config: AppConfig, userId: string, token: string): string {
  return `${cookieNameOf(userId)}=${encodeURIComponent(token)}; Path=${REFRESH_COOKIE_PATH}; HttpOnly; SameSite=Strict; Max-Age=${ttlSeconds(config.REFRESH_TOKEN_TTL)}${secure(config) ? '; Secure' : ''}`;
}

export function clearedRefreshCookie(config: AppConfig, userId: string): string {
  return `${cookieNameOf(userId)}=; Path=${REFRESH_COOKIE_PATH}; HttpOnly; SameSite=Strict; Max-Age=0${secure(config) ? '; Secure' : ''}`;
}
