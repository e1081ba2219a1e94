// The signed-in user for the whole console: tokens in sessionStorage (auth/session.ts, kept fresh by api/graphql.ts),
// `me` loaded from the API. What the console shows is decided by `me.permissions`.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { endSession, gql, scheduleRefresh, startSession } from '../api/graphql';
import { hasSession, type SessionTokens } from './session';

export interface TenantRef {
  id: string;
  code: string;
  name: string;
  kindLabel: string;
  path: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  roleLabel: string;
  mustChangePassword: boolean;
  permissions: string[];
  passwordRule: string;
  tenant: TenantRef;
}

const ME_QUERY = /* GraphQL */ `
  query Me {
    me { id username displayName roles roleLabel mustChangePassword permissions passwordRule tenant { id code name kindLabel path } }
  }
`;

const LOGIN_MUTATION = /* GraphQL */ `
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) { accessToken expiresIn refreshToken mustChangePassword }
  }
`;

const LOGOUT_MUTATION = /* GraphQL */ `mutation Logout { logout }`;

const CHANGE_PASSWORD_MUTATION = /* GraphQL */ `
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`;

type Status = 'loading' | 'authenticated' | 'anonymous';

interface AuthState {
  status: Status;
  me: Me | null;
  /** Error while loading `me` for an existing session (other than an expired session). */
  error: string | null;
  /** The API ended the session (expired or revoked), as opposed to the user logging out. */
  sessionExpired: boolean;
  login(username: string, password: string): Promise<Me>;
  /** End the session on the server, then forget it here. */
  logout(): Promise<void>;
  /** Forget the user locally after the API refused the session. */
  expire(): void;
  /** The API says the password must be changed first. */
  requirePasswordChange(): void;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  reload(): Promise<void>;
  can(permission: string): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>(() => (hasSession() ? 'loading' : 'anonymous'));
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sessionExpired, setSessionExpired] = useState(false);

  const loadMe = useCallback(async () => {
    if (!hasSession()) {
      setMe(null);
      setStatus('anonymous');
      return;
    }
    setStatus('loading');
    setError(null);
    try {
      const data = await gql<{ me: Me }>(ME_QUERY);
      setMe(data.me);
      setStatus('authenticated');
    } catch (e) {
      if (!hasSession()) {
        setMe(null);
        setStatus('anonymous');
      } else {
        setError(e instanceof Error ? e.message : String(e));
        setStatus('loading');
      }
    }
  }, []);

  useEffect(() => {
    // A reloaded tab: plan the refresh of the stored token, then load the user.
    scheduleRefresh();
    void loadMe();
  }, [loadMe]);

  const login = useCallback(async (username: string, password: string) => {
    endSession();
    const data = await gql<{ login: SessionTokens & { mustChangePassword: boolean } }>(LOGIN_MUTATION, { username, password });
    startSession(data.login);
    try {
      const who = await gql<{ me: Me }>(ME_QUERY);
      setMe(who.me);
      setError(null);
      setSessionExpired(false);
      setStatus('authenticated');
      return who.me;
    } catch (e) {
      endSession();
      throw e;
    }
  }, []);

  const expire = useCallback(() => {
    endSession();
    setMe(null);
    setSessionExpired(true);
    setStatus('anonymous');
  }, []);

  const logout = useCallback(async () => {
    try {
      // Revoke the session server-side; whatever happens, it is forgotten here.
      if (hasSession()) await gql<{ logout: boolean }>(LOGOUT_MUTATION, {}, { quiet: true });
    } catch {
      // already gone or unreachable
    }
    endSession();
    setMe(null);
    setSessionExpired(false);
    setStatus('anonymous');
  }, []);

  const requirePasswordChange = useCallback(() => {
    setMe((m) => (m && !m.mustChangePassword ? { ...m, mustChangePassword: true } : m));
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    await gql<{ changePassword: boolean }>(CHANGE_PASSWORD_MUTATION, { currentPassword, newPassword });
    const who = await gql<{ me: Me }>(ME_QUERY);
    setMe(who.me);
  }, []);

  const can = useCallback((permission: string) => !!me?.permissions.includes(permission), [me]);

  const value = useMemo<AuthState>(
    () => ({
      status, me, error, sessionExpired, login, logout, expire, requirePasswordChange, changePassword, reload: loadMe, can,
    }),
    [status, me, error, sessionExpired, login, logout, expire, requirePasswordChange, changePassword, loadMe, can],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
