// Database error classification (pg and PGlite both carry the SQLSTATE in `code`).
const sqlState = (e: unknown) => (e as { code?: unknown })?.code;
export const isUniqueViolation = (e: unknown) => sqlState(e) === '23505';
export const isCheckViolation = (e: unknown) => sqlState(e) === '23514';
