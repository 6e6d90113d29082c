import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, configureApi, request } from '../api/client';
import type { LoginAnswer, Me } from '@app/contracts';
import { ReloginDialog } from './relogin-dialog';
import { readTabUser, writeTabUser } from './session-store';

interface Session {
  me: Me | null;
  /** true until the refresh cookie has been tried (a reload carries the session on) */
  checking: boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => void;
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  /** the access token, in memory only */
  const current = useRef<LoginAnswer | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(true);
  const [reloginFor, setReloginFor] = useState<string | null>(null);
  const waiters = useRef<Waiter[]>([]);
  const refreshing = useRef<Promise<LoginAnswer | null> | null>(null);

  const adopt = useCallback((answer: LoginAnswer) => {
    current.current = answer;
    writeTabUser(answer.user.id);
    return answer;
  }, []);

  /** A new access token through the refresh cookie of this tab's user; null when the session is over. One at a time. */
  const refresh = useCallback((): Promise<LoginAnswer | null> => {
    const once = () => request<LoginAnswer>('POST', '/auth/refresh', { userId: current.current?.user.id ?? readTabUser() }, { anonymous: true });
    refreshing.current ??= once()
      // another tab of the same person may have just renewed the cookie: once more, with the new one
      .catch(() => new Promise((r) => setTimeout(r, 300)).then(once))
      .then((answer) => (current.current && answer.user.id !== current.current.user.id ? null : adopt(answer)))
      .catch(() => null)
      .finally(() => (refreshing.current = null));
    return refreshing.current;
  }, [adopt]);

  const signIn = useCallback(async (username: string, password: string) => adopt(await request<LoginAnswer>('POST', '/auth/login', { username, password }, { anonymous: true })), [adopt]);

  const logout = useCallback(() => {
    const token = current.current?.accessToken;
    const userId = current.current?.user.id;
    // the server ends every session of the user and clears the cookie (with a renewed token if this
    // one lapsed, so the cookie does not outlive the sign-out on a shared computer); the screen does not wait
    const end = (t: string) => fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${t}` } });
    if (token) {
      void end(token)
        .then(async (res) => {
          if (res.status !== 401) return;
          const renewed = await request<LoginAnswer>('POST', '/auth/refresh', { userId }, { anonymous: true });
          await end(renewed.accessToken);
        })
        .catch(() => undefined);
    }
    current.current = null;
    writeTabUser(null);
    setMe(null);
    setReloginFor(null);
    // requests waiting for a re-login fail; the drafts they carried stay in localStorage
    waiters.current.splice(0).forEach((w) => w.reject(new ApiError(401, 'UNAUTHENTICATED', 'Đã đăng xuất.')));
  }, []);

  useEffect(() => {
    configureApi({
      token: () => current.current?.accessToken ?? null,
      reauthenticate: async () => {
        if (!current.current) throw new ApiError(401, 'UNAUTHENTICATED', 'Chưa đăng nhập.');
        // the access token lapsed (15 minutes): the cookie carries the session on without a word
        if (await refresh()) return;
        await new Promise<void>((resolve, reject) => {
          waiters.current.push({ resolve, reject });
          setReloginFor(current.current?.user.username ?? '');
        });
      },
    });
  }, [refresh]);

  useEffect(() => {
    // a reload: the tab knows whose session it was, and the refresh cookie carries it on; a new tab
    // signs in afresh (the browser may hold several people's sessions: which one would it be?)
    if (!readTabUser()) return setChecking(false);
    refresh()
      .then(async (answer) => {
        if (answer) setMe(await api.get<Me>('/me'));
      })
      .catch(() => logout())
      .finally(() => setChecking(false));
  }, [refresh, logout]);

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
      const previous = current.current?.user.id;
      const answer = await request<LoginAnswer>('POST', '/auth/login', { username: reloginFor ?? '', password }, { anonymous: true });
      if (answer.user.id !== previous) throw new ApiError(403, 'FORBIDDEN', 'Tài khoản khác.');
      adopt(answer);
      setReloginFor(null);
      waiters.current.splice(0).forEach((w) => w.resolve());
    },
    [reloginFor, adopt],
  );

  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      adopt(await api.post<LoginAnswer>('/auth/password', { currentPassword, newPassword }));
      setMe(await api.get<Me>('/me'));
    },
    [adopt],
  );

  const value = useMemo<Session>(() => ({ me, checking, login, logout, changePassword }), [me, checking, login, logout, changePassword]);
  return (
    <SessionContext.Provider value={value}>
      {children}
      {reloginFor !== null && <ReloginDialog username={reloginFor} onSubmit={relogin} onSignOut={logout} />}
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
