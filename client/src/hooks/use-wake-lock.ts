import { useEffect } from 'react';

/**
 * Keeps the screen on while `active` (the projector must not sleep mid-circle). The browser
 * releases the lock whenever the page is hidden, so it is requested again on becoming visible.
 */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || !('wakeLock' in navigator)) return;
    let sentinel: WakeLockSentinel | null = null;
    let stopped = false;
    const acquire = async () => {
      if (document.visibilityState !== 'visible' || (sentinel !== null && !sentinel.released)) return;
      try {
        sentinel = await navigator.wakeLock.request('screen');
        if (stopped) await sentinel.release();
      } catch {
        // refused (battery saver, no user gesture yet, policy): the screen may sleep, nothing else breaks
      }
    };
    const onVisibility = () => void acquire();
    void acquire();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', onVisibility);
      void sentinel?.release().catch(() => {});
    };
  }, [active]);
}
