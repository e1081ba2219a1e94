// A tiny fetch-based GraphQL client. Adds the bearer token, throws the server's (Chinese) message, and keeps the
// session alive: an access token about to expire, or refused with UNAUTHENTICATED, is exchanged once for a new one
// with the refresh token (one refresh at a time, shared by concurrent requests) and the request is retried. When the
// refresh fails too, the session is over: storage is cleared and the app sends the user to the login page.
import { clearSession, getRefreshToken, getToken, getTokenExpiresAt, saveSession, type SessionTokens } from '../auth/session';

export const GRAPHQL_ENDPOINT = '/graphql';

export interface GraphQLErrorPayload {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
  path?: (string | number)[];
}

export class ApiError extends Error {
  readonly code: string | undefined;
  readonly errors: GraphQLErrorPayload[];
  constructor(message: string, code?: string, errors: GraphQLErrorPayload[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.errors = errors;
  }
}

export const isForbidden = (e: unknown): boolean => e instanceof ApiError && e.code === 'FORBIDDEN';
export const errorText = (e: unknown, fallback = '操作失败，请稍后重试'): string =>
  e instanceof Error && e.message ? e.message : fallback;

type Handler = () => void;

let onUnauthenticated: Handler = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};
let onPasswordChangeRequired: Handler = () => {
  if (window.location.pathname !== '/change-password') window.location.assign('/change-password');
};

/** The app installs a router-aware handler; the default is a full page load of /login. */
export function setUnauthenticatedHandler(handler: Handler): () => void {
  const previous = onUnauthenticated;
  onUnauthenticated = handler;
  return () => { onUnauthenticated = previous; };
}

/** Called when the API refuses an operation until the password is changed. */
export function setPasswordChangeHandler(handler: Handler): () => void {
  const previous = onPasswordChangeRequired;
  onPasswordChangeRequired = handler;
  return () => { onPasswordChangeRequired = previous; };
}

interface Body<T> { data?: T | null; errors?: GraphQLErrorPayload[] }

const NETWORK_ERROR = () => new ApiError('网络异常，无法连接服务器，请检查网络后重试', 'NETWORK_ERROR');

async function post<T>(query: string, variables: Record<string, unknown> | undefined, token: string | null, signal?: AbortSignal) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables: variables ?? {} }),
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw NETWORK_ERROR();
  }
  let body: Body<T> | null = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return { response, body };
}

const hasCode = (errors: GraphQLErrorPayload[] | undefined, code: string) =>
  (errors ?? []).find((e) => e.extensions?.code === code);

// ---------- Session upkeep ----------

const REFRESH_MUTATION = /* GraphQL */ `
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { accessToken expiresIn refreshToken mustChangePassword }
  }
`;

/** Refresh this long before the access token expires. */
const REFRESH_AHEAD_MS = 60_000;

let refreshing: Promise<string | null> | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
/** Last user interaction or request: the session is only kept alive for a user who is actually working. */
let lastActivity = Date.now();
let tokenIssuedAt = Date.now();

if (typeof window !== 'undefined') {
  const mark = () => { lastActivity = Date.now(); };
  for (const ev of ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const) {
    window.addEventListener(ev, mark, { passive: true, capture: true });
  }
}

/** Store freshly issued tokens (login or refresh) and plan the next refresh. */
export function startSession(tokens: SessionTokens): void {
  saveSession(tokens);
  tokenIssuedAt = Date.now();
  scheduleRefresh();
}

/** Forget the session locally (no server call). */
export function endSession(): void {
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = null;
  clearSession();
}

/**
 * Exchange the refresh token for new tokens; concurrent callers share one exchange. Resolves to the new access token,
 * or null when the server refused (the session is over). Network failures reject, leaving the session as it was.
 */
function refreshAccessToken(): Promise<string | null> {
  if (!refreshing) {
    refreshing = (async () => {
      const refreshToken = getRefreshToken();
      if (!refreshToken) return null;
      const { body } = await post<{ refreshSession: SessionTokens | null }>(REFRESH_MUTATION, { refreshToken }, null);
      const tokens = body?.data?.refreshSession;
      if (!tokens || body?.errors?.length) return null;
      startSession(tokens);
      return tokens.accessToken;
    })().finally(() => { refreshing = null; });
  }
  return refreshing;
}

function sessionGone(): never {
  endSession();
  onUnauthenticated();
  throw new ApiError('登录已过期，请重新登录', 'UNAUTHENTICATED');
}

/**
 * Plan a refresh shortly before the access token expires — only if the user has been active since it was issued, so
 * that an unattended console still reaches the server's idle timeout. An idle tab refreshes on its next request.
 */
export function scheduleRefresh(): void {
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = null;
  const expiresAt = getTokenExpiresAt();
  if (!expiresAt || !getRefreshToken()) return;
  const delay = Math.max(5_000, expiresAt - Date.now() - REFRESH_AHEAD_MS);
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    if (lastActivity <= tokenIssuedAt) return;
    refreshAccessToken()
      .then((token) => { if (!token) sessionGone(); })
      .catch(() => {
        // Network trouble or the session is gone (already handled): try again on the next request.
      });
  }, delay);
}

/** A token that is missing or about to expire, while a refresh token exists. */
function needsRefresh(token: string | null): boolean {
  if (!getRefreshToken()) return false;
  if (!token) return true;
  const expiresAt = getTokenExpiresAt();
  return !!expiresAt && Date.now() >= expiresAt - 5_000;
}

export interface GqlOptions {
  signal?: AbortSignal;
  /** Do not send the user to the login page when the session is gone (used by logout). */
  quiet?: boolean;
}

/**
 * THE one place where a request meets the session, for GraphQL and the HTTP routes (downloads, uploads, photos)
 * alike: `send(token)` is called with the current access token, refreshed first when it is about to expire; when the
 * answer says `refused` (UNAUTHENTICATED, HTTP 401), the token is refreshed once (shared with concurrent requests)
 * and the request sent again. When no refresh helps, the session is over (see sessionGone).
 */
export async function withSession<R>(
  send: (token: string | null) => Promise<R>,
  refused: (result: R) => boolean,
  init?: Pick<GqlOptions, 'quiet'>,
): Promise<R> {
  lastActivity = Date.now();
  const gone = (): never => {
    if (init?.quiet) {
      endSession();
      throw new ApiError('登录已过期，请重新登录', 'UNAUTHENTICATED');
    }
    return sessionGone();
  };

  let token = getToken();
  if (needsRefresh(token)) token = (await refreshAccessToken()) ?? gone();
  let result = await send(token);
  if (token && refused(result)) {
    // Another request may already have refreshed; otherwise refresh now (shared), then retry once.
    const current = getToken();
    const next = current && current !== token ? current : await refreshAccessToken();
    if (!next) gone();
    result = await send(next);
    if (refused(result)) gone();
  }
  return result;
}

/** A GraphQL document: a generated typed document (web/src/gql, see codegen.ts) or, for the archive's documents built
 * from the categories at run time, a plain string. */
export interface Document<TResult, TVariables> {
  toString(): string;
  /** Phantom types carried by generated documents. */
  __apiType?: (variables: TVariables) => TResult;
}

export async function gql<TResult, TVariables = Record<string, unknown>>(
  document: Document<TResult, TVariables> | string,
  variables?: TVariables,
  init?: GqlOptions,
): Promise<TResult> {
  const query = document.toString();
  const { response, body } = await withSession(
    (token) => post<TResult>(query, variables as Record<string, unknown> | undefined, token, init?.signal),
    ({ body }) => !!hasCode(body?.errors, 'UNAUTHENTICATED'),
    init,
  );

  const errors = body?.errors ?? [];
  if (errors.length > 0) {
    const unauthenticated = hasCode(errors, 'UNAUTHENTICATED');
    if (unauthenticated) throw new ApiError(unauthenticated.message || '未登录或登录已过期，请重新登录', 'UNAUTHENTICATED', errors);
    const mustChange = hasCode(errors, 'PASSWORD_CHANGE_REQUIRED');
    if (mustChange) {
      onPasswordChangeRequired();
      throw new ApiError(mustChange.message || '请先修改密码', 'PASSWORD_CHANGE_REQUIRED', errors);
    }
    const first = errors[0];
    throw new ApiError(first.message || '请求失败', first.extensions?.code, errors);
  }
  if (!response.ok || !body || body.data === undefined || body.data === null) {
    throw new ApiError(response.status >= 500 ? '服务器内部错误，请稍后重试' : `请求失败（HTTP ${response.status}）`, 'HTTP_ERROR');
  }
  return body.data;
}

// ---------- Plain HTTP routes (file downloads and uploads) ----------

/**
 * A request to one of the API's own HTTP routes (e.g. /api/audit/export) through withSession: a 401 is answered by
 * one (shared) refresh and one retry. Network failures become a Chinese ApiError. The response is returned as is:
 * callers read the body (a file, or the route's JSON error, see responseError).
 */
export function authFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const send = async (token: string | null) => {
    const headers = new Headers(init.headers);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    try {
      return await fetch(url, { ...init, headers });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw NETWORK_ERROR();
    }
  };
  return withSession(send, (response) => response.status === 401);
}

/**
 * The error of a failed HTTP route: its JSON `{ error, message }` (message in Chinese) as an ApiError. A route that
 * wants the password changed first sends the user to 修改密码, as gql() does.
 */
export async function responseError(response: Response, fallback = '请求失败'): Promise<ApiError> {
  let body: { error?: string; message?: string } | null = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const code = body?.error;
  if (code === 'PASSWORD_CHANGE_REQUIRED') onPasswordChangeRequired();
  if (body?.message) return new ApiError(body.message, code);
  if (response.status >= 500) return new ApiError('服务器内部错误，请稍后重试', 'HTTP_ERROR');
  return new ApiError(`${fallback}（HTTP ${response.status}）`, code ?? 'HTTP_ERROR');
}
