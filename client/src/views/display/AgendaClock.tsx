import type { AgendaView } from '../../../../shared/agenda';
import { formatClock, remainingMs } from '../../../../shared/timer';
import { timerAnchor } from '../../hooks/timer-anchor';
import { useServerNow } from '../../hooks/use-server-now';
import { currentSegment, type SegmentNow } from '../../state/agenda-readout';

interface AgendaClockProps {
  agenda: AgendaView | null;
  clock: { serverNow(): number };
}

/**
 * The current agenda segment and its own timer, small, beside the title: the room knows where the
 * meeting is without it competing with the speaker's countdown. Nothing without a running agenda.
 */
export function AgendaClock({ agenda, clock }: AgendaClockProps) {
  const now = currentSegment(agenda);
  if (now === null) return null;
  return <SegmentClock segment={now} clock={clock} />;
}

function SegmentClock({ segment, clock }: { segment: SegmentNow; clock: AgendaClockProps['clock'] }) {
  const serverNow = useServerNow(clock, 1000, timerAnchor(segment.timer));
  const remaining = segment.timer === null ? null : remainingMs(segment.timer, serverNow);
  const over = remaining !== null && remaining < 0;
  return (
    <p
      className={over ? 'display-agenda display-agenda-over' : 'display-agenda'}
      data-testid="display-agenda"
    >
      <span className="display-agenda-title">{segment.segment.title}</span>
      {remaining !== null && (
        <span className="display-agenda-clock">
          <span className="visually-hidden">
            {over ? ', over its time by ' : ', time left in this part: '}
          </span>
          {formatClock(remaining)}
        </span>
      )}
    </p>
  );
}
