// Working days of the national calendar, with 调休 (docs/work-calendar.md): the clocks of overdue warnings and
// rectification deadlines count these. Backed by the database's work calendar (migration 0026: work_calendar_day,
// work_calendar_year and the derived work_calendar_index), seeded from the chinese-days package and extended by the
// root administrator when the State Council announces a new year. Dates outside the covered years follow Monday–Friday;
// callers that must not guess ask `workingDaysAfter` (which says so) or `requireCovered` (which refuses).
import { sql } from 'kysely';
import { GraphQLError } from 'graphql';
import type { Tx } from '../../db/scope.js';
import { badInput } from '../../graphql/context.js';

/** The range the calendar holds (the derived index spans it; migration 0026). */
export const CALENDAR_FIRST_YEAR = 1949;
export const CALENDAR_LAST_YEAR = 2100;

/** A real calendar date as YYYY-MM-DD within 1949–2100, else a Chinese BAD_USER_INPUT error. */
export function parseDay(input: string, label = '日期'): string {
  const s = String(input ?? '').trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw badInput(`${label}格式应为 YYYY-MM-DD（如 2026-10-01）`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) throw badInput(`${label} ${s} 不是有效的日期`);
  if (y < CALENDAR_FIRST_YEAR || y > CALENDAR_LAST_YEAR) throw badInput(`${label}须在 ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} 年之间`);
  return s;
}

/** A year within 1949–2100, else a Chinese error. */
export function parseYear(input: number): number {
  if (!Number.isInteger(input) || input < CALENDAR_FIRST_YEAR || input > CALENDAR_LAST_YEAR) {
    throw badInput(`年份须为 ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} 之间的整数`);
  }
  return input;
}

export interface Coverage {
  /** The years whose holiday arrangement is entered, ascending. */
  years: number[];
  from: number | null;
  to: number | null;
}

export async function calendarCoverage(trx: Tx): Promise<Coverage> {
  const years = (await trx.selectFrom('work_calendar_year').select('year').orderBy('year').execute()).map((r) => Number(r.year));
  return { years, from: years[0] ?? null, to: years[years.length - 1] ?? null };
}

/** 「工作日历未覆盖 2027 年，请管理员补充节假日安排」 (several years: 2027、2028 年). */
export const uncoveredNotice = (years: readonly number[]) =>
  `工作日历未覆盖 ${years.join('、')} 年，请管理员补充节假日安排`;

/** The years of the span from..to (inclusive, either order) that the calendar does not cover. */
export async function uncoveredYears(trx: Tx, from: string, to: string = from): Promise<number[]> {
  const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((x, y) => x - y);
  const covered = new Set((await calendarCoverage(trx)).years);
  const out: number[] = [];
  for (let y = a; y <= b; y++) if (!covered.has(y)) out.push(y);
  return out;
}

/** Refuse (CALENDAR_NOT_COVERED, in Chinese) when a date of the span from..to falls in a year the calendar lacks. */
export async function requireCovered(trx: Tx, from: string, to: string = from): Promise<void> {
  const missing = await uncoveredYears(trx, from, to);
  if (missing.length) throw new GraphQLError(uncoveredNotice(missing), { extensions: { code: 'CALENDAR_NOT_COVERED' } });
}

async function addInDb(trx: Tx, from: string, days: number): Promise<string> {
  if (!Number.isInteger(days) || Math.abs(days) > 20_000) throw badInput('工作日天数须为整数');
  const r = await sql<{ d: string | null }>`select to_char(app_add_workdays(${from}::date, ${days}::integer), 'YYYY-MM-DD') as d`.execute(trx);
  const d = r.rows[0]?.d;
  if (!d) throw badInput(`${from} 之后 ${days} 个工作日超出了工作日历的范围（${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} 年）`);
  return d;
}

/**
 * The date `days` working days after `from` (YYYY-MM-DD; from itself does not count; negative: before). Outside the
 * covered years Monday–Friday counts; use `workingDaysAfter` for the warning, `requireCovered` to refuse.
 */
export async function addWorkingDays(trx: Tx, from: string, days: number): Promise<string> {
  return addInDb(trx, parseDay(from), days);
}

/** As addWorkingDays, with the warning to show when the span leaves the covered years (null when it does not). */
export async function workingDaysAfter(trx: Tx, from: string, days: number): Promise<{ date: string; uncovered: number[]; warning: string | null }> {
  const date = await addWorkingDays(trx, from, days);
  const uncovered = await uncoveredYears(trx, from, date);
  return { date, uncovered, warning: uncovered.length ? `${uncoveredNotice(uncovered)}（暂按周一至周五计算）` : null };
}

/** Whether a date (YYYY-MM-DD) is a working day (outside the covered years: Monday–Friday). */
export async function isWorkingDay(trx: Tx, day: string): Promise<boolean> {
  const r = await sql<{ w: boolean }>`select app_is_workday(${parseDay(day)}::date) as w`.execute(trx);
  return r.rows[0].w;
}

export const DAY_KINDS = { off: '休息日', working: '调休上班' } as const;

export interface CalendarDay {
  date: string;
  working: boolean;
  /** 休息日 (a holiday off-day) or 调休上班 (a working weekend). */
  kind: string;
  name: string;
  source: string;
  updatedByName: string | null;
}

export interface CalendarYear { year: number; covered: boolean; days: CalendarDay[]; notice: string | null }

/** A year's arranged days in date order, whether the year is covered, and the notice when it is not. */
export async function calendarYear(trx: Tx, year: number): Promise<CalendarYear> {
  const y = parseYear(year);
  const [rows, cov] = await Promise.all([
    trx.selectFrom('work_calendar_day')
      .select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('date'), 'working', 'name', 'source', 'updated_by_name'])
      .where('day', '>=', sql<Date>`make_date(${y}::int, 1, 1)`).where('day', '<=', sql<Date>`make_date(${y}::int, 12, 31)`)
      .orderBy('day').execute(),
    trx.selectFrom('work_calendar_year').select('year').where('year', '=', y).executeTakeFirst(),
  ]);
  return {
    year: y, covered: !!cov, notice: cov ? null : uncoveredNotice([y]),
    days: rows.map((r) => ({
      date: r.date, working: r.working, kind: r.working ? DAY_KINDS.working : DAY_KINDS.off, name: r.name, source: r.source,
      updatedByName: r.updated_by_name,
    })),
  };
}

/** One day's arrangement, or null when it follows Monday–Friday. */
export async function calendarDay(trx: Tx, date: string): Promise<CalendarDay | null> {
  const y = await calendarYear(trx, Number(date.slice(0, 4)));
  return y.days.find((d) => d.date === date) ?? null;
}
