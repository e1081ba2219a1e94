// One time zone for everything a user reads (shared/time.ts): the console and the server's texts and exports show
// Beijing time whatever the zone of the browser or the server, so the access log's console and its CSV/Excel export
// agree to the second; and the access log's filter reads the picker's wall-clock times as Beijing time.
import { describe, expect, it } from 'vitest';
import { beijingTime, fromBeijingTime, TIME_ZONE_LABEL } from '../../shared/time.js';
import { beijingTime as serverTime } from '../../services/api/src/util/time.js';

describe('Beijing time', () => {
  it('formats an instant in UTC+8, to the second or the millisecond, whatever the process zone', () => {
    expect(beijingTime('2026-11-30T16:05:09.123Z')).toBe('2026-12-01 00:05:09');
    expect(beijingTime(new Date('2026-06-30T23:59:59.999Z'), { ms: true })).toBe('2026-07-01 07:59:59.999');
    expect(beijingTime(Date.UTC(2026, 0, 1, 0, 0, 0))).toBe('2026-01-01 08:00:00');
    // The server formats with the same function.
    expect(serverTime('2026-11-30T16:05:09.123Z')).toBe('2026-12-01 00:05:09');
    expect(TIME_ZONE_LABEL).toBe('北京时间 UTC+8');
  });

  it('reads a wall-clock time as Beijing time (the access log filter), and back', () => {
    expect(fromBeijingTime('2026-12-01 00:05:09')).toBe('2026-11-30T16:05:09.000Z');
    expect(beijingTime(fromBeijingTime('2026-03-08 02:30:00'))).toBe('2026-03-08 02:30:00');
  });
});
