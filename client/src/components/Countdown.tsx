import type { Timer } from '../../../shared/timer';
import { timerAnchor } from '../hooks/timer-anchor';
import { useServerNow } from '../hooks/use-server-now';
import { timerReadout } from '../state/timer-readout';
import '../styles/countdown.css';

interface CountdownProps {
  timer: Timer;
  warnSeconds: number;
  clock: { serverNow(): number };
  /** `display`: projector digits on black; `phone`: the member's smaller readout. */
  variant: 'display' | 'phone';
}

/** The speaking timer, rendered locally from the timer fields and the corrected server clock. */
export function Countdown({ timer, warnSeconds, clock, variant }: CountdownProps) {
  const now = useServerNow(clock, 1000, timerAnchor(timer));
  const readout = timerReadout(timer, warnSeconds, now);
  return (
    <div className={`countdown countdown-${variant} countdown-${readout.phase}`} data-phase={readout.phase}>
      <span className="countdown-word">{readout.word}</span>
      <span className="countdown-digits" role="timer" data-testid="countdown">
        {readout.clock}
      </span>
    </div>
  );
}
