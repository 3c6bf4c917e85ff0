import type { RoomView } from '../../../../shared/views';
import type { CommandRunner } from '../../hooks/use-command';
import { handPosition, ordinal } from '../../state/room-summary';

interface HandControlProps {
  view: RoomView;
  memberId: string;
  command: CommandRunner;
  disabled: boolean;
}

/** Raise or lower a hand to ask for the talking piece, with the place in the queue. */
export function HandControl({ view, memberId, command, disabled }: HandControlProps) {
  const position = handPosition(view, memberId);
  const raised = position !== null;
  return (
    <section className="card hand" aria-labelledby="hand-heading">
      <h2 id="hand-heading">Ask to speak</h2>
      <p className="hand-status" aria-live="polite">
        {raised
          ? `Your hand is raised: you are ${ordinal(position)} in line.`
          : handsRaised(view.hands.length)}
      </p>
      <button
        type="button"
        className={raised ? 'btn btn-large btn-block' : 'btn btn-primary btn-large btn-block'}
        disabled={disabled || command.pending}
        onClick={() => void command.run({ type: raised ? 'hand.lower' : 'hand.raise' })}
      >
        {raised ? 'Lower my hand' : 'Raise my hand'}
      </button>
    </section>
  );
}

function handsRaised(count: number): string {
  if (count === 0) return 'No hands are raised.';
  return count === 1 ? '1 hand is raised.' : `${count} hands are raised.`;
}
