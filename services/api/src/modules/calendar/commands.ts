// Editing the national work calendar (docs/work-calendar.md#editing): only the root tenant's 系统管理员 (CASL
// WorkCalendar:update; the database's app_work_calendar_set/clear check the root scope again). Each change names the
// day on the request's audit row and recomputes the warnings of the tenants whose overdue rules count working days.
import { sql } from 'kysely';
import { badInput } from '../../graphql/context.js';
import { denied, type CommandContext } from '../command.js';
import { recomputeWarnings } from '../warnings/recompute.js';
import { calendarDay, DAY_KINDS, parseDay, type CalendarDay } from './index.js';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

function requireAdmin(c: CommandContext) {
  if (!c.ability.can('update', 'WorkCalendar')) throw denied(c);
}

const isInsufficientPrivilege = (e: unknown) => (e as { code?: string })?.code === '42501';

/** The name of a day as entered: trimmed, 1–40 characters, no control characters; the kind's own name by default. */
function parseName(input: string | null | undefined, working: boolean): string {
  const s = (input ?? '').trim();
  if (!s) return working ? DAY_KINDS.working : DAY_KINDS.off;
  if (s.length > 40) throw badInput('名称最长 40 个字符');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(s)) throw badInput('名称不能包含控制字符');
  return s;
}

/** Tenants in scope with an overdue rule in force somewhere above or at them: their hits depend on the calendar. */
async function recomputeOverdueTenants(c: CommandContext) {
  const { rows } = await sql<{ id: string }>`
    select distinct t.id from tenant t
      join tenant o on t.path <@ o.path
      join warning_rule r on r.tenant_id = o.id and r.kind = 'overdue' and r.superseded_at is null and r.enabled
     order by t.id`.execute(c.trx);
  if (rows.length) await recomputeWarnings(c.trx, { tenantIds: rows.map((r) => r.id) });
}

/** Make `date` a holiday off-day (working false) or a 调休 working day (working true), named (国庆节 …). */
export async function setWorkDay(c: CommandContext, dateInput: string, working: boolean, nameInput?: string | null): Promise<CalendarDay> {
  requireAdmin(c);
  const date = parseDay(dateInput);
  const name = parseName(nameInput, working);
  const wd = weekday(date);
  if (working && wd >= 1 && wd <= 5) {
    throw badInput(`${date} 是${WEEKDAYS[wd]}，本来就是工作日；要撤销该日的放假安排，请清除该日`);
  }
  c.audit.about(`${date} ${working ? DAY_KINDS.working : DAY_KINDS.off}（${name}）`);
  try {
    await sql`select app_work_calendar_set(${date}::date, ${working}, ${name}, ${c.principal.displayName})`.execute(c.trx);
  } catch (e) {
    if (isInsufficientPrivilege(e)) throw denied(c);
    throw e;
  }
  await recomputeOverdueTenants(c);
  return (await calendarDay(c.trx, date))!;
}

/** Remove a day's arrangement: it follows Monday–Friday again. */
export async function clearWorkDay(c: CommandContext, dateInput: string): Promise<boolean> {
  requireAdmin(c);
  const date = parseDay(dateInput);
  const before = await calendarDay(c.trx, date);
  if (!before) throw badInput(`${date} 没有放假或调休安排，无需清除`);
  c.audit.about(`${date} 清除${before.kind}（${before.name}）`);
  try {
    await sql`select app_work_calendar_clear(${date}::date)`.execute(c.trx);
  } catch (e) {
    if (isInsufficientPrivilege(e)) throw denied(c);
    throw e;
  }
  await recomputeOverdueTenants(c);
  return true;
}
