import type { RoomView } from '../../../../shared/views';
import { Countdown } from '../../components/Countdown';
import type { CommandRunner } from '../../hooks/use-command';
import { canHandOn } from '../../state/hand-to';
import { memberName, nextUp, runningRound } from '../../state/room-summary';
import { HandToPicker } from './HandToPicker';

interface TurnPanelProps {
  view: RoomView;
  memberId: string | null;
  myTurn: boolean;
  clock: { serverNow(): number };
  command: CommandRunner;
  disabled: boolean;
}

/** Who holds the talking piece: "Your turn" with Done and Pass, or who is speaking and who is next. */
export function TurnPanel({ view, memberId, myTurn, clock, command, disabled }: TurnPanelProps) {
  const speaker = memberName(view, view.speaker?.memberId);
  const next = nextUp(view);
  const inRound = runningRound(view) !== null;
  // Once a round has run or the agenda has started, the circle is under way even between speakers.
  const begun = view.round !== null || (view.agenda?.startedAt ?? null) !== null;
  const busy = disabled || command.pending;

  return (
    <section className={myTurn ? 'card turn turn-mine' : 'card turn'} aria-labelledby="turn-heading">
      <h1 id="turn-heading" className="turn-heading">
        {myTurn
          ? 'Your turn'
          : speaker !== null
            ? `${speaker} is speaking`
            : headingWithoutSpeaker(inRound, begun)}
      </h1>
      {view.timer !== null && view.speaker !== null && (
        <Countdown timer={view.timer} warnSeconds={view.settings.warnSeconds} clock={clock} variant="phone" />
      )}
      {myTurn && (
        <div className="turn-actions">
          <button
            type="button"
            className="btn btn-primary btn-large"
            disabled={busy}
            onClick={() => void command.run({ type: 'turn.done' })}
          >
            Done
          </button>
          <button
            type="button"
            className="btn btn-large"
            disabled={busy}
            onClick={() => void command.run({ type: 'turn.pass' })}
          >
            Pass
          </button>
        </div>
      )}
      {myTurn && memberId !== null && canHandOn(view, memberId) && (
        <HandToPicker view={view} memberId={memberId} command={command} disabled={disabled} />
      )}
      {myTurn && <p className="muted turn-hint">Take your time. Press Done when you have finished.</p>}
      {next !== null && (
        <p className="turn-next">
          Next: <strong>{next.id === memberId ? 'you' : next.name}</strong>
        </p>
      )}
    </section>
  );
}

function headingWithoutSpeaker(inRound: boolean, begun: boolean): string {
  if (inRound) return 'Waiting for the next speaker';
  return begun ? 'Nobody is speaking' : 'Waiting for the circle to begin';
}
