// A one-connection "pool" around PGlite for Kysely's own PostgresDialect: a mutex hands the single
// session to one transaction at a time. After migrating, the session switches to the API role and
// any later attempt to change role or session authorization is refused.
import type { PGlite } from '@electric-sql/pglite';

const ROLE_CHANGE = /\b(set\s+(session\s+|local\s+)?role|reset\s+role|reset\s+all|session\s+authorization|discard\s+all|set_config\s*\(\s*'(role|session_authorization)')/i;

/**
 * PGlite's result parsers, aligned with node-postgres: int8 (20) stays a string (PGlite would make it a number), so
 * both engines return the same JavaScript types and the generated column types (db/generated.ts) hold for both.
 */
export const pgliteParsers = { 20: (value: string) => value };

export class RoleChangeRefused extends Error {
  constructor() { super('role changes are refused on this connection'); }
}

function commandOf(sql: string): string {
  const m = /^\s*(\w+)/.exec(sql);
  const word = (m?.[1] ?? '').toUpperCase();
  return ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(word) ? word : 'SELECT';
}

export class PGlitePool {
  private queue: Array<() => void> = [];
  private busy = false;
  private locked = false;

  constructor(readonly pg: PGlite) {}

  /** Switch to the API role for good: from now on role changes are refused. */
  async lockToRole(role: string): Promise<void> {
    await this.pg.exec(`set role ${role}`);
    this.locked = true;
  }

  private guard(sql: string) {
    if (this.locked && ROLE_CHANGE.test(sql)) throw new RoleChangeRefused();
  }

  async connect() {
    await new Promise<void>((resolve) => {
      if (!this.busy) { this.busy = true; resolve(); } else this.queue.push(resolve);
    });
    let released = false;
    return {
      query: async (sql: string, params: readonly unknown[] = []) => {
        this.guard(sql);
        const r = await this.pg.query<Record<string, unknown>>(sql, params as unknown[]);
        return { command: commandOf(sql), rowCount: r.affectedRows ?? r.rows.length, rows: r.rows };
      },
      release: () => {
        if (released) return;
        released = true;
        const next = this.queue.shift();
        if (next) next(); else this.busy = false;
      },
    };
  }

  /** Multi-statement SQL (migrations): simple protocol, no parameters. */
  async exec(sql: string) {
    const c = await this.connect();
    try {
      this.guard(sql);
      await this.pg.exec(sql);
    } finally {
      c.release();
    }
  }

  async end() { await this.pg.close(); }
}
