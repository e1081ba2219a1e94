// Times as Chinese users read them: Beijing time (Asia/Shanghai, UTC+8 all year), YYYY-MM-DD HH:mm:ss. One format for
// the console and the server's texts and exports, whatever the zone of the browser or the server: the access log's
// console and its CSV/Excel export show the same time for the same row, and the export's header names the zone.

/** The zone every time is shown in. */
export const TIME_ZONE = 'Asia/Shanghai';
/** The zone as a reader is told it (column headers, notes). */
export const TIME_ZONE_LABEL = '北京时间 UTC+8';

const parts = (ms: boolean) => new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  ...(ms ? { fractionalSecondDigits: 3 as const } : {}),
});
const toSecond = parts(false);
const toMillisecond = parts(true);

/** A time in Beijing time, to the second (YYYY-MM-DD HH:mm:ss), or to the millisecond (…ss.SSS). */
export function beijingTime(d: Date | string | number, opts: { ms?: boolean } = {}): string {
  const p = Object.fromEntries((opts.ms ? toMillisecond : toSecond).formatToParts(new Date(d)).map((x) => [x.type, x.value]));
  const s = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  return opts.ms ? `${s}.${p.fractionalSecond}` : s;
}

/** A wall-clock time read as Beijing time (YYYY-MM-DD HH:mm:ss, as a picker gives it) → the instant, ISO 8601. */
export function fromBeijingTime(wall: string): string {
  return new Date(`${wall.replace(' ', 'T')}+08:00`).toISOString();
}

/** A day as official documents write it: 2026-09-28 → 2026年9月28日. */
export const chineseDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
