import { useEffect, useState } from 'react';
import { msUntilNextTick } from './server-tick';

interface ServerClock {
  serverNow(): number;
}

/** A little past the boundary, so that the render lands after the flip, never just before it. */
const AFTER_BOUNDARY_MS = 5;

/**
 * The server's clock, re-rendering at every `everyMs` boundary of server time (shifted by
 * `anchor`, see msUntilNextTick) rather than on a blind interval that drifts against it.
 * Pass the instant a timer reaches zero as `anchor` so its m:ss flips when the server's does.
 */
export function useServerNow(conn: ServerClock, everyMs = 1000, anchor = 0): number {
  const [now, setNow] = useState(() => conn.serverNow());

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const delay = msUntilNextTick(conn.serverNow(), everyMs, anchor) + AFTER_BOUNDARY_MS;
      timer = setTimeout(() => {
        setNow(conn.serverNow());
        schedule();
      }, delay);
    };
    setNow(conn.serverNow());
    schedule();
    return () => clearTimeout(timer);
  }, [conn, everyMs, anchor]);

  return now;
}
