import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, configureApi, request } from '../api/client';
import type { LoginAnswer, Me } from '@app/contracts';
import { ReloginDialog } from './relogin-dialog';
import { readSession, StoredSession, writeSession } from './session-store';

interface Session {
  me: Me | null;
  /** true until the stored token has been checked against GET /api/me */
  checking: boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => void;
}

const SessionContext = createContext<Session | null>(null);

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const stored = useRef<StoredSession | null>(readSession());
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(stored.current !== null);
  const [reloginFor, setReloginFor] = useState<string | null>(null);
  const waiters = useRef<Waiter[]>([]);

  const signIn = useCallback(async (username: string, password: string) => {
    const answer = await request<LoginAnswer>('POST', '/auth/login', { username, password }, { anonymous: true });
    stored.current = answer;
    writeSession(answer);
    return answer;
  }, []);

  const logout = useCallback(() => {
    stored.current = null;
    writeSession(null);
    setMe(null);
    setReloginFor(null);
    // requests waiting for a re-login fail; the drafts they carried stay in localStorage
    waiters.current.splice(0).forEach((w) => w.reject(new ApiError(401, 'UNAUTHENTICATED', 'Đã đăng xuất.')));
  }, []);

  useEffect(() => {
    configureApi({
      token: () => stored.current?.accessToken ?? null,
      reauthenticate: () =>
        new Promise<void>((resolve, reject) => {
          if (!stored.current) return reject(new ApiError(401, 'UNAUTHENTICATED', 'Chưa đăng nhập.'));
          waiters.current.push({ resolve, reject });
          setReloginFor(stored.current.user.username);
        }),
    });
  }, []);

  useEffect(() => {
    if (!stored.current) return;
    // a stored token that no longer works (expired overnight) is simply dropped: the login page shows
    fetch('/api/me', { headers: { authorization: `Bearer ${stored.current.accessToken}` } })
      .then(async (res) => {
        if (res.ok) setMe((await res.json()) as Me);
        else logout();
      })
      .catch(() => logout())
      .finally(() => setChecking(false));
  }, [logout]);

  const login = useCallback(
    async (username: string, password: string) => {
      await signIn(username, password);
      const who = await api.get<Me>('/me');
      setMe(who);
      return who;
    },
    [signIn],
  );

  const relogin = useCallback(
    async (password: string) => {
      const previous = stored.current?.user.id;
      const answer = await signIn(reloginFor ?? '', password);
      if (answer.user.id !== previous) throw new ApiError(403, 'FORBIDDEN', 'Tài khoản khác.');
      setReloginFor(null);
      waiters.current.splice(0).forEach((w) => w.resolve());
    },
    [reloginFor, signIn],
  );

  const value = useMemo<Session>(() => ({ me, checking, login, logout }), [me, checking, login, logout]);
  return (
    <SessionContext.Provider value={value}>
      {children}
      {reloginFor && <ReloginDialog username={reloginFor} onSubmit={relogin} onSignOut={logout} />}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user; only for screens behind the login. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
