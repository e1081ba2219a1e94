// Forward-only, numbered migrations from schema/migrations, run as the owner through the simple query
// protocol (a file with several statements cannot be a prepared statement).
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config/index.js';
import { rekeyCadres } from './rekey.js';
import { seedWorkCalendar } from '../modules/calendar/seed.js';

export const migrationsDir = path.join(repoRoot, 'schema', 'migrations');

export interface SqlRunner {
  /** Multi-statement SQL, no parameters. */
  exec(sql: string): Promise<void>;
  /** One statement, returning rows. */
  rows<T>(sql: string): Promise<T[]>;
  /** One statement with parameters, returning rows. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export function listMigrations(): { name: string; sql: string }[] {
  return fs.readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(migrationsDir, name), 'utf8') }));
}

export interface MigrateOptions {
  /**
   * The API's group role (config.appRole; lz_app by default). Each migration sees it as the transaction-local setting
   * app.api_role, which app_tenant_table() grants to (migration 0012, docs/migrations.md): no role name in the SQL.
   */
  apiRole?: string;
}

/**
 * Data steps that need the application's code (pinyin: not in SQL), run after a migration's SQL in its transaction,
 * on the owner's single connection.
 */
const DATA_STEPS: Record<string, (runner: SqlRunner) => Promise<void>> = {
  '0023_search_readings.sql': rekeyCadres,
  '0026_work_calendar.sql': seedWorkCalendar,
};

export async function migrate(runner: SqlRunner, opts: MigrateOptions = {}): Promise<string[]> {
  const apiRole = opts.apiRole ?? 'lz_app';
  if (!/^[a-z_][a-z0-9_]*$/.test(apiRole)) throw new Error(`invalid API role name: ${apiRole}`);
  await runner.exec(`create table if not exists schema_migration (
    name text primary key, applied_at timestamptz not null default now())`);
  const done = new Set((await runner.rows<{ name: string }>('select name from schema_migration')).map((r) => r.name));
  const applied: string[] = [];
  for (const m of listMigrations()) {
    if (done.has(m.name)) continue;
    const name = m.name.replace(/'/g, "''");
    const step = DATA_STEPS[m.name];
    try {
      if (step) {
        await runner.exec(`begin;\nselect set_config('app.api_role', '${apiRole}', true);\n${m.sql}\n;`);
        await step(runner);
        await runner.exec(`insert into schema_migration (name) values ('${name}');\ncommit;`);
      } else {
        await runner.exec(`begin;\nselect set_config('app.api_role', '${apiRole}', true);\n${m.sql}\n;insert into schema_migration (name) values ('${name}');\ncommit;`);
      }
    } catch (e) {
      await runner.exec('rollback').catch(() => undefined);
      throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
    }
    applied.push(m.name);
  }
  return applied;
}
