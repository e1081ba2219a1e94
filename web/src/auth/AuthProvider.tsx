// The signed-in user for the whole console: tokens in sessionStorage (auth/session.ts, kept fresh by api/graphql.ts),
// `me` loaded from the API. What the console shows is decided by `me.permissions`.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError, endSession, gql, scheduleRefresh, startSession } from '../api/graphql';
import { queryClient, queryKey } from '../api/query';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';
import { hasSession } from './session';

export type Me = MeQuery['me'];
export type TenantRef = Me['tenant'];

const MeDocument = graphql(`
  query Me {
    me { id username displayName roles roleLabel mustChangePassword permissions passwordRule tenant { id code name kindLabel path } }
  }
`);

const LoginDocument = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) { accessToken expiresIn refreshToken mustChangePassword }
  }
`);

const LogoutDocument = graphql(`mutation Logout { logout }`);

const ChangePasswordDocument = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

const ME_KEY = queryKey(MeDocument);
const fetchMe = () => queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: () => gql(MeDocument).then((d) => d.me), staleTime: 0 });

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
  // Whether a session is held here; `me` is the cached answer of the Me query while it is.
  const [signedIn, setSignedIn] = useState(hasSession);
  const [sessionExpired, setSessionExpired] = useState(false);
  const meQuery = useQuery({
    queryKey: ME_KEY,
    queryFn: () => gql(MeDocument).then((d) => d.me),
    enabled: signedIn,
    staleTime: Infinity,
  });
  const me = signedIn ? meQuery.data ?? null : null;
  // A failed load without a session left (it expired) is handled by expire(); any other failure is shown.
  const error = signedIn && !me && !meQuery.isFetching && meQuery.error && hasSession() ? meQuery.error.message || String(meQuery.error) : null;
  const status: Status = !signedIn ? 'anonymous' : me ? 'authenticated' : 'loading';

  // A reloaded tab: plan the refresh of the stored token (the Me query loads the user).
  useEffect(() => { scheduleRefresh(); }, []);
  useEffect(() => {
    if (signedIn && meQuery.isError && !hasSession()) setSignedIn(false);
  }, [signedIn, meQuery.isError]);

  /** Whoever signs in or out, nothing cached for the previous user survives. */
  const forget = useCallback(() => {
    endSession();
    queryClient.clear();
    setSignedIn(false);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    forget();
    const data = await gql(LoginDocument, { username, password });
    if (!data.login) throw new ApiError('登录失败，请稍后重试', 'HTTP_ERROR');
    startSession(data.login);
    try {
      const who = await fetchMe();
      setSessionExpired(false);
      setSignedIn(true);
      return who;
    } catch (e) {
      forget();
      throw e;
    }
  }, [forget]);

  const expire = useCallback(() => {
    forget();
    setSessionExpired(true);
  }, [forget]);

  const logout = useCallback(async () => {
    try {
      // Revoke the session server-side; whatever happens, it is forgotten here.
      if (hasSession()) await gql(LogoutDocument, {}, { quiet: true });
    } catch {
      // already gone or unreachable
    }
    forget();
    setSessionExpired(false);
  }, [forget]);

  const requirePasswordChange = useCallback(() => {
    queryClient.setQueryData<Me>(ME_KEY, (m) => (m && !m.mustChangePassword ? { ...m, mustChangePassword: true } : m));
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    await gql(ChangePasswordDocument, { currentPassword, newPassword });
    await fetchMe();
  }, []);

  const reload = useCallback(async () => {
    if (!hasSession()) { setSignedIn(false); return; }
    await queryClient.refetchQueries({ queryKey: ME_KEY });
  }, []);

  const can = useCallback((permission: string) => !!me?.permissions.includes(permission), [me]);

  const value = useMemo<AuthState>(
    () => ({
      status, me, error, sessionExpired, login, logout, expire, requirePasswordChange, changePassword, reload, can,
    }),
    [status, me, error, sessionExpired, login, logout, expire, requirePasswordChange, changePassword, reload, can],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
