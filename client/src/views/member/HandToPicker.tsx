import { useState } from 'react';
import type { RoomView } from '../../../../shared/views';
import type { CommandRunner } from '../../hooks/use-command';
import { handToCandidates } from '../../state/hand-to';
import { runningRound } from '../../state/room-summary';

interface HandToPickerProps {
  view: RoomView;
  memberId: string;
  command: CommandRunner;
  disabled: boolean;
}

/**
 * Popcorn style, when the facilitator allows it: the speaker chooses who speaks next. In a round
 * only those still waiting for their turn are offered; the round goes on from the one chosen.
 */
export function HandToPicker({ view, memberId, command, disabled }: HandToPickerProps) {
  const [open, setOpen] = useState(false);
  const candidates = handToCandidates(view, memberId);
  const round = runningRound(view);
  const inMyRoundTurn = round !== null && round.order[round.index] === memberId;

  const handTo = async (id: string, name: string) => {
    const result = await command.attempt(
      { type: 'turn.handTo', memberId: id },
      {
        popcorn_off:
          'The facilitator has just turned off handing the piece on. Press Done when you have finished.',
        unknown_member: inMyRoundTurn
          ? `${name} cannot take the piece now: they have had their turn or have left. Please choose someone else.`
          : `${name} cannot take the piece now: they may have left. Please choose someone else.`,
        not_holder: 'The piece has already moved on.',
      },
    );
    if (result.ok) setOpen(false);
  };

  return (
    <div className="hand-to">
      <button
        type="button"
        className="btn btn-block"
        aria-expanded={open}
        aria-controls="hand-to-options"
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Cancel' : 'Hand the piece to…'}
      </button>
      {open && (
        <div id="hand-to-options" className="hand-to-options">
          {candidates.length === 0 ? (
            <p className="muted">
              {inMyRoundTurn
                ? 'Everyone else has had their turn in this round. Press Done when you have finished.'
                : 'Nobody else is connected right now.'}
            </p>
          ) : (
            <>
              <p className="muted">
                {inMyRoundTurn
                  ? 'Who would you like to hear next? Those still to speak:'
                  : 'Who speaks next?'}
              </p>
              <ul>
                {candidates.map((m) => (
                  <li key={m.id}>
                    <button
                      type="button"
                      className="btn btn-block"
                      disabled={disabled || command.pending}
                      aria-label={`Hand the piece to ${m.name}`}
                      onClick={() => void handTo(m.id, m.name)}
                    >
                      {m.name}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
