// The message of a refused stale save (VERSION_CONFLICT): who made the newer version and what they did, from the
// newest revision of the record or cadre (record_revision / cadre_revision: action, actor, time) — not from the
// envelope's "last editor", which a review does not change. E.g. "该记录已被 张三（纪检干部）于 2026-12-01 10:20
// 审核通过（当前为第 3 版），请刷新后再修改".
import { ROLE_LABELS, type Role } from '../auth/principal.js';
import type { Tx } from '../db/scope.js';
import { beijingTime } from '../util/time.js';

const ACTION_WORDS: Record<string, string> = {
  create: '录入', update: '修改', accept: '审核通过', return: '退回', delete: '删除', restore: '恢复', import: '导入审批表时修改',
};

export interface LastChange { action: string; actorId: string | null; actorName: string; at: Date | string }

/** "张三（纪检干部）": the actor's role when the caller may see the account (RLS), else the name alone. */
export async function actorWithRole(trx: Tx, actorId: string | null, actorName: string): Promise<string> {
  if (!actorId) return actorName;
  const user = await trx.selectFrom('app_user').select('role').where('id', '=', actorId).executeTakeFirst();
  const role = user ? ROLE_LABELS[user.role as Role] : undefined;
  return role ? `${actorName}（${role}）` : actorName;
}

/** "已被 张三（纪检干部）于 2026-12-01 10:20 审核通过（当前为第 3 版），请刷新后再修改", after the subject. */
export async function conflictMessage(
  trx: Tx, subject: string, last: LastChange | undefined, version: number, fallback: { actorName: string; at: Date | string } | null,
): Promise<string> {
  const tail = `（当前为第 ${version} 版），请刷新后再修改`;
  if (!last && !fallback) return `${subject}已被他人修改${tail}`;
  const who = last ? await actorWithRole(trx, last.actorId, last.actorName) : fallback!.actorName;
  const what = (last && ACTION_WORDS[last.action]) ?? '修改';
  return `${subject}已被 ${who} 于 ${beijingTime(last?.at ?? fallback!.at).slice(0, 16)} ${what}${tail}`;
}
