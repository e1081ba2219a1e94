// The data step of migration 0026 (docs/work-calendar.md#seed): the holidays and 调休 working days the chinese-days
// package knows, for every year it covers, into work_calendar_day / work_calendar_year. Runs as the owner inside the
// migration's transaction. Days an administrator already set are kept (source 'admin' wins over the package).
import chineseDays from 'chinese-days';
import type { SqlRunner } from '../../db/migrate.js';

export interface PackageDay { day: string; working: boolean; name: string }

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The package's arrangement: every day it names (holiday off-days, weekends inside a holiday block, 调休 working
 * weekends) with the Chinese name (国庆节 …), and the years in which it names any day (every announced year has 元旦).
 */
export function packageCalendar(firstYear = 2000, lastYear = 2100): { years: number[]; days: PackageDay[] } {
  const days: PackageDay[] = [];
  const years = new Set<number>();
  for (let y = firstYear; y <= lastYear; y++) {
    for (let m = 1; m <= 12; m++) {
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      for (let d = 1; d <= last; d++) {
        const day = `${y}-${pad(m)}-${pad(d)}`;
        const detail = chineseDays.getDayDetail(day);
        // Named days read "National Day,国庆节,3"; ordinary days carry the weekday's English name.
        const parts = detail.name.split(',');
        if (parts.length < 2 || !parts[1]) continue;
        days.push({ day, working: detail.work, name: parts[1] });
        years.add(y);
      }
    }
  }
  return { years: [...years].sort((a, b) => a - b), days };
}

export async function seedWorkCalendar(runner: SqlRunner): Promise<void> {
  const { years, days } = packageCalendar();
  await runner.query(`insert into work_calendar_day (day, working, name, source)
      select x.day, x.working, x.name, 'chinese-days' from jsonb_to_recordset($1::jsonb) as x(day date, working boolean, name text)
      on conflict (day) do nothing`, [JSON.stringify(days)]);
  await runner.query(`insert into work_calendar_year (year, source)
      select y, 'chinese-days' from unnest($1::smallint[]) as y on conflict (year) do nothing`, [years]);
  await runner.exec('select app_work_calendar_reindex()');
}
