// A tiny fetch-based GraphQL client. Adds the bearer token, throws the server's (Chinese) message, and sends the
// user back to the login page when the session is gone.
import { clearToken, getToken } from '../auth/session';

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

type UnauthenticatedHandler = () => void;

let onUnauthenticated: UnauthenticatedHandler = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** The app installs a router-aware handler; the default is a full page load of /login. */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler): () => void {
  const previous = onUnauthenticated;
  onUnauthenticated = handler;
  return () => { onUnauthenticated = previous; };
}

export async function gql<T>(query: string, variables?: Record<string, unknown>, init?: { signal?: AbortSignal }): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables: variables ?? {} }),
      signal: init?.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('网络异常，无法连接服务器，请检查网络后重试', 'NETWORK_ERROR');
  }

  let body: { data?: T | null; errors?: GraphQLErrorPayload[] } | null = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }

  const errors = body?.errors ?? [];
  if (errors.length > 0) {
    const unauthenticated = errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED');
    if (unauthenticated) {
      clearToken();
      onUnauthenticated();
      throw new ApiError(unauthenticated.message || '未登录或登录已过期，请重新登录', 'UNAUTHENTICATED', errors);
    }
    const first = errors[0];
    throw new ApiError(first.message || '请求失败', first.extensions?.code, errors);
  }
  if (!response.ok || !body || body.data === undefined || body.data === null) {
    throw new ApiError(response.status >= 500 ? '服务器内部错误，请稍后重试' : `请求失败（HTTP ${response.status}）`, 'HTTP_ERROR');
  }
  return body.data;
}
