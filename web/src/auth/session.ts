// The access token lives in sessionStorage: it ends with the browser tab, and is never readable by other tabs.
const TOKEN_KEY = 'lz.accessToken';
const EXPIRES_KEY = 'lz.accessTokenExpiresAt';

export function getToken(): string | null {
  try {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) return null;
    const expiresAt = Number(sessionStorage.getItem(EXPIRES_KEY) ?? 0);
    if (expiresAt && Date.now() >= expiresAt) {
      clearToken();
      return null;
    }
    return token;
  } catch {
    return null;
  }
}

export function setToken(token: string, expiresInSeconds?: number): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  if (expiresInSeconds && expiresInSeconds > 0) {
    sessionStorage.setItem(EXPIRES_KEY, String(Date.now() + expiresInSeconds * 1000));
  } else {
    sessionStorage.removeItem(EXPIRES_KEY);
  }
}

export function clearToken(): void {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(EXPIRES_KEY);
  } catch {
    // storage unavailable: nothing to clear
  }
}
