// The login session of this browser tab, in sessionStorage: it ends with the tab and is never readable by other tabs.
// The access token is short-lived; the refresh token rotates on every refresh (always keep the newest: presenting
// an old one makes the server end the session).
const TOKEN_KEY = 'lz.accessToken';
const EXPIRES_KEY = 'lz.accessTokenExpiresAt';
const REFRESH_KEY = 'lz.refreshToken';

export interface SessionTokens {
  accessToken: string;
  /** Seconds the access token is valid for. */
  expiresIn: number;
  refreshToken: string;
}

const read = (key: string): string | null => {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
};

export function getToken(): string | null {
  return read(TOKEN_KEY) || null;
}

/** When the access token expires (ms since epoch), or 0 when unknown. */
export function getTokenExpiresAt(): number {
  return Number(read(EXPIRES_KEY) ?? 0) || 0;
}

export function getRefreshToken(): string | null {
  return read(REFRESH_KEY) || null;
}

/** A session may exist: an access token or a refresh token to get one with. */
export function hasSession(): boolean {
  return !!(getToken() || getRefreshToken());
}

export function saveSession(tokens: SessionTokens): void {
  sessionStorage.setItem(TOKEN_KEY, tokens.accessToken);
  if (tokens.expiresIn > 0) sessionStorage.setItem(EXPIRES_KEY, String(Date.now() + tokens.expiresIn * 1000));
  else sessionStorage.removeItem(EXPIRES_KEY);
  if (tokens.refreshToken) sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
}

export function clearSession(): void {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(EXPIRES_KEY);
    sessionStorage.removeItem(REFRESH_KEY);
  } catch {
    // storage unavailable: nothing to clear
  }
}
