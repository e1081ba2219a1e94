// Cell formatting shared by the ledgers.
import type React from 'react';
import dayjs from 'dayjs';

export const TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** A time to the second, or null. */
export const formatTime = (v: string | null) => (v ? dayjs(v).format(TIME_FORMAT) : null);

/** The value, or a grey dash when there is none. */
export const dash = (v: React.ReactNode) => (v === null || v === undefined || v === '' ? <span className="lz-muted">—</span> : v);
