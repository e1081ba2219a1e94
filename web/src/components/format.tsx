// Cell formatting shared by the ledgers.
import type React from 'react';
import { beijingTime } from '@shared/time';

export const TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** A time to the second in Beijing time (shared/time.ts: as the server's texts and exports show it), or null. */
export const formatTime = (v: string | null) => (v ? beijingTime(v) : null);

/** The value, or a grey dash when there is none. */
export const dash = (v: React.ReactNode) => (v === null || v === undefined || v === '' ? <span className="lz-muted">—</span> : v);
