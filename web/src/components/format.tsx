// Cell formatting shared by the ledgers, sheets, diffs and previews.
import type React from 'react';
import { beijingTime } from '@shared/time';

export const TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** A time to the second in Beijing time (shared/time.ts: as the server's texts and exports show it), or null. */
export const formatTime = (v: string | null) => (v ? beijingTime(v) : null);

/** The value, or a grey dash when there is none. */
export const dash = (v: React.ReactNode) => (v === null || v === undefined || v === '' ? <span className="lz-muted">—</span> : v);

/** How every month reads in the console, as on the 干部任免审批表: 1975.03. */
export const MONTH_FORMAT = 'YYYY.MM';
/** How the API stores and takes a month: 197503. */
export const STORED_MONTH_FORMAT = 'YYYYMM';
/** A stored month (YYYYMM, years 1900–2099: the API's check). */
export const STORED_MONTH = /^(19|20)\d{2}(0[1-9]|1[0-2])$/;

/**
 * The one way a month is shown: "197503" → "1975.03" (also "1975-03" or an already dotted "1975.03"); anything else
 * (a democratic party's name in 入党时间) as given; '' for nothing.
 */
export function formatMonth(v: string | null | undefined): string {
  if (!v) return '';
  const m = /^(\d{4})[.\-/]?(\d{2})$/.exec(v.trim());
  return m ? `${m[1]}.${m[2]}` : v;
}
