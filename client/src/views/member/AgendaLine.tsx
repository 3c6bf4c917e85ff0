import type { AgendaView } from '../../../../shared/agenda';
import { remainingMs } from '../../../../shared/timer';
import { timerAnchor } from '../../hooks/timer-anchor';
import { useServerNow } from '../../hooks/use-server-now';
import { currentSegment, segmentLine } from '../../state/agenda-readout';

interface AgendaLineProps {
  agenda: AgendaView | null;
  clock: { serverNow(): number };
}

/** Where the meeting is, in one small line: "Check-in · 12 min left". Nothing without a running agenda. */
export function AgendaLine({ agenda, clock }: AgendaLineProps) {
  const now = currentSegment(agenda);
  if (now === null) return null;
  return <SegmentLine segment={now} clock={clock} />;
}

function SegmentLine({
  segment,
  clock,
}: {
  segment: NonNullable<ReturnType<typeof currentSegment>>;
  clock: AgendaLineProps['clock'];
}) {
  // The wording changes on whole minutes of the segment timer: render exactly then.
  const serverNow = useServerNow(clock, 60_000, timerAnchor(segment.timer));
  const over = segment.timer !== null && remainingMs(segment.timer, serverNow) <= 0;
  return (
    <p className={over ? 'member-agenda member-agenda-over' : 'member-agenda'} data-testid="agenda-line">
      <span className="visually-hidden">Now: </span>
      {segmentLine(segment, serverNow)}
    </p>
  );
}
