import type { RoomView, RoundView } from '../../../../shared/views';
import { roundKindLabel, roundProgress, turnsBefore } from '../../state/room-summary';

interface RoundStatusProps {
  view: RoomView;
  round: RoundView;
  memberId: string | null;
}

/** The running round: its prompt, which turn it is, and where this member stands in it. */
export function RoundStatus({ view, round, memberId }: RoundStatusProps) {
  const progress = roundProgress(round);
  const { spoke, passed } = progress.counts;
  return (
    <section className="card round" aria-labelledby="round-heading">
      <h2 id="round-heading">{roundKindLabel[round.kind]}</h2>
      {round.prompt !== '' && <p className="round-prompt">{round.prompt}</p>}
      <p className="round-progress">
        Turn {progress.turn} of {progress.total}
      </p>
      <p className="muted round-counts">
        {spoke} spoke · {passed} passed · {progress.toCome} still to come
      </p>
      {memberId !== null && <p className="round-mine">{myPlace(view, round, memberId)}</p>}
    </section>
  );
}

function myPlace(view: RoomView, round: RoundView, memberId: string): string {
  if (view.speaker?.memberId === memberId) return 'You are speaking now.';
  const outcome = round.outcomes[memberId];
  if (outcome === undefined) return 'You joined after this round began: you can raise your hand.';
  if (outcome === 'spoke') return 'You have spoken in this round.';
  if (outcome === 'passed') return 'You passed in this round.';
  if (outcome === 'absent') return 'Your turn went by while you were away.';
  const before = turnsBefore(round, memberId);
  if (before === 0) return 'You are next.';
  if (before === null) return 'Your turn is coming.';
  return `${before} ${before === 1 ? 'person speaks' : 'people speak'} before you.`;
}
