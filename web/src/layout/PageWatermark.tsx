// A light, diagonal, repeated watermark naming who is looking and when (姓名 登录名 / YYYY-MM-DD HH:mm), over the
// pages that show archive or audit content: a screenshot or photo of the screen says whose session it came from.
// antd's <Watermark> draws it on a canvas into a background image above the content; it does not take clicks and
// is redrawn if someone removes it in the browser's developer tools.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Watermark } from 'antd';
import dayjs from 'dayjs';
import { beijingTime } from '@shared/time';
import { useAuth } from '../auth/AuthProvider';
import { theme } from '../theme';

/** The current time, updated at the start of every minute. */
function useMinuteClock(): dayjs.Dayjs {
  const [now, setNow] = useState(() => dayjs());
  useEffect(() => {
    let interval: ReturnType<typeof setInterval> | undefined;
    const tick = () => setNow(dayjs());
    // First at the next full minute, then every minute.
    const timeout = setTimeout(() => {
      tick();
      interval = setInterval(tick, 60_000);
    }, 60_000 - (Date.now() % 60_000) + 50);
    return () => {
      clearTimeout(timeout);
      if (interval) clearInterval(interval);
    };
  }, []);
  return now;
}

const FONT = {
  color: 'rgba(0, 0, 0, 0.08)',
  fontSize: 14,
  fontFamily: theme.token?.fontFamily,
};

export function PageWatermark({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const now = useMinuteClock();
  // Beijing time, as every time the console shows (shared/time.ts).
  const minute = beijingTime(now.valueOf()).slice(0, 16);
  const content = useMemo(
    () => (me ? [`${me.displayName}  ${me.username}`, minute] : [minute]),
    [me, minute],
  );
  return (
    <div className="lz-watermark-host" data-testid="page-watermark" data-watermark-time={minute}>
      <Watermark
        className="lz-watermark"
        content={content}
        font={FONT}
        rotate={-22}
        gap={[96, 96]}
        // Keep the page's own layout: sticky panels need a visible overflow, and the marks stay inside this box.
        style={{ overflow: 'visible', isolation: 'isolate' }}
      >
        {children}
      </Watermark>
    </div>
  );
}
