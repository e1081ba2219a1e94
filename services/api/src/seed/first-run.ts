// First run in production: create the root tenant and its three administrators (三员: 系统管理员, 安全保密管理员,
// 安全审计员 — the root has no parent whose admin could create them later), and print a random one-time password for
// each that must be changed at the first login. Refuses when any tenant exists.
//   npm run first-run -- --code yn --name 云南省纪委监委 --kind province_commission
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { codeToLabel, withScope } from '../db/scope.js';
import { hashPassword } from '../auth/passwords.js';
import { TENANT_CODE_RE, TENANT_KINDS, type TenantKind } from '../modules/tenants/repo.js';

export interface FirstRunInput { code: string; name: string; kind: TenantKind }

/** A password of 16 characters with every character class (meets any tenant policy up to 16 characters). */
export function oneTimePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=@!?'];
  const pick = (s: string) => s[crypto.randomInt(s.length)];
  const chars = [...sets.map(pick), ...Array.from({ length: 12 }, () => pick(sets.join('')))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

export interface FirstRunAccount { username: string; password: string; roleLabel: string }

/** The admin's login and password, and all three accounts. */
export async function firstRun(db: Kysely<DB>, input: FirstRunInput): Promise<{ username: string; password: string; accounts: FirstRunAccount[] }> {
  if (!TENANT_CODE_RE.test(input.code) || input.code.length > 40) throw new Error('代码须为小写字母、数字，可用连字符分隔');
  if (!(input.kind in TENANT_KINDS)) throw new Error(`类型须为 ${Object.keys(TENANT_KINDS).join(', ')} 之一`);
  if (!input.name.trim()) throw new Error('名称不能为空');
  const path = codeToLabel(input.code);
  const accounts: (FirstRunAccount & { role: string; hash: string })[] = [];
  for (const [role, roleLabel] of [['admin', '系统管理员'], ['secadmin', '安全保密管理员'], ['auditor', '安全审计员']] as const) {
    const password = oneTimePassword();
    accounts.push({ role, roleLabel, username: `${input.code}.${role}`, password, hash: await hashPassword(password) });
  }
  await withScope(db, path, async (trx) => {
    // Any tenant at all means the system is initialised (this scope cannot see other tenants; the function can).
    const { rows } = await sql<{ done: boolean }>`select system_initialised() as done`.execute(trx);
    if (rows[0].done) throw new Error('系统已初始化：已存在机构，首次运行命令不再执行');
    const t = await trx.insertInto('tenant').values({ code: input.code, name: input.name.trim(), kind: input.kind, parent_id: null, path, sort_order: 0 })
      .returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('app_user').values(accounts.map((a) => ({
      tenant_id: t.id, username: a.username, display_name: `${input.name.trim()}${a.roleLabel}`, role: a.role, password_hash: a.hash,
      must_change_password: true,
    }))).execute();
  });
  return {
    username: accounts[0].username, password: accounts[0].password,
    accounts: accounts.map(({ username, password, roleLabel }) => ({ username, password, roleLabel })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { code: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string', default: 'province_commission' } },
  });
  const { loadConfig } = await import('../config/index.js');
  const { openDatabase } = await import('../db/index.js');
  const config = loadConfig();
  if (!values.code || !values.name) {
    console.error('用法：npm run first-run -- --code <机构代码> --name <名称> [--kind province_commission]');
    process.exit(2);
  }
  const database = await openDatabase(config);
  try {
    const r = await firstRun(database.db, { code: values.code, name: values.name, kind: values.kind as TenantKind });
    console.log(`已创建顶级机构 ${values.name}（${values.code}）及其系统管理员、安全保密管理员、安全审计员（三员分立，请分别交付三人）。`);
    for (const a of r.accounts) console.log(`${a.roleLabel}　登录名：${a.username}　一次性密码：${a.password}`);
    console.log('以上密码只显示这一次；首次登录后必须修改。');
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}
