// The signed-in user for the whole console: token in sessionStorage, `me` loaded from the API.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { gql } from '../api/graphql';
import { clearToken, getToken, setToken } from './session';

export interface TenantRef {
  id: string;
  code: string;
  name: string;
  kindLabel: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  tenant: TenantRef;
}

const ME_QUERY = /* GraphQL */ `
  query Me {
    me { id username displayName roles tenant { id code name kindLabel } }
  }
`;

const LOGIN_MUTATION = /* GraphQL */ `
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) { accessToken expiresIn }
  }
`;

type Status = 'loading' | 'authenticated' | 'anonymous';

interface AuthState {
  status: Status;
  me: Me | null;
  /** Error while loading `me` for an existing token (other than an expired session). */
  error: string | null;
  /** The API ended the session (expired or revoked token), as opposed to the user logging out. */
  sessionExpired: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): void;
  /** Forget the user locally after the API refused the token. */
  expire(): void;
  reload(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>(() => (getToken() ? 'loading' : 'anonymous'));
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sessionExpired, setSessionExpired] = useState(false);

  const loadMe = useCallback(async () => {
    if (!getToken()) {
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
      if (!getToken()) {
        setMe(null);
        setStatus('anonymous');
      } else {
        setError(e instanceof Error ? e.message : String(e));
        setStatus('loading');
      }
    }
  }, []);

  useEffect(() => {
    void loadMe();
  }, [loadMe]);

  const login = useCallback(async (username: string, password: string) => {
    clearToken();
    const data = await gql<{ login: { accessToken: string; expiresIn: number } }>(LOGIN_MUTATION, { username, password });
    setToken(data.login.accessToken, data.login.expiresIn);
    try {
      const who = await gql<{ me: Me }>(ME_QUERY);
      setMe(who.me);
      setError(null);
      setSessionExpired(false);
      setStatus('authenticated');
      return who.me;
    } catch (e) {
      clearToken();
      throw e;
    }
  }, []);

  const expire = useCallback(() => {
    clearToken();
    setMe(null);
    setSessionExpired(true);
    setStatus('anonymous');
  }, []);

  const logout = useCallback(() => {
    clearToken();
    setMe(null);
    setSessionExpired(false);
    setStatus('anonymous');
  }, []);

  const value = useMemo<AuthState>(
    () => ({ status, me, error, sessionExpired, login, logout, expire, reload: loadMe }),
    [status, me, error, sessionExpired, login, logout, expire, loadMe],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
