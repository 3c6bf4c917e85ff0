import { useCallback, useEffect, useState } from 'react';

export interface Fullscreen {
  supported: boolean;
  active: boolean;
  toggle(): void;
}

/** Fullscreen for the whole page, following changes made with Esc or F11 too. */
export function useFullscreen(): Fullscreen {
  const [active, setActive] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const follow = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', follow);
    return () => document.removeEventListener('fullscreenchange', follow);
  }, []);
  const toggle = useCallback(() => {
    const change =
      document.fullscreenElement === null
        ? document.documentElement.requestFullscreen()
        : document.exitFullscreen();
    change.catch(() => {}); // refused (e.g. inside a frame): the page stays as it is
  }, []);
  return { supported: document.fullscreenEnabled, active, toggle };
}
