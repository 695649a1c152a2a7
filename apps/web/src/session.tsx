// Who is logged in: loaded once from /api/auth/session (a guest gets {user: null}, not a 401), shared through context.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { roleAtLeast, type Role } from '#libs/contracts';
import { api, ApiError } from './api/client';
import type { SessionAnswer, User } from './api/types';
import { clearDrafts } from './lib/use-draft';

interface SessionValue {
  user: User | null;
  /** True until the first /api/auth/session answer. */
  loading: boolean;
  setUser(user: User | null): void;
  refresh(): Promise<void>;
  logout(): Promise<void>;
  can(role: Role): boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      setUser((await api.get<SessionAnswer>('/api/auth/session')).user);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setUser(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    api.get<SessionAnswer>('/api/auth/session').then(
      ({ user: u }) => {
        setUser(u);
        setLoading(false);
      },
      () => setLoading(false),
    );
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      // Unsent drafts stay with the person who wrote them, not with the next one at this tab.
      clearDrafts();
      setUser(null);
    }
  }, []);

  const value = useMemo<SessionValue>(
    () => ({ user, loading, setUser, refresh, logout, can: (role: Role) => roleAtLeast(user?.role, role) }),
    [user, loading, refresh, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
