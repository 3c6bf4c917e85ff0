import type { Command } from '../../../../../shared/commands';
import type { RoomView, RoundView } from '../../../../../shared/views';

type View = Pick<RoomView, 'round' | 'speaker' | 'hands' | 'members'>;

/** A round that is still running: the view keeps the last one, with `endedAt` set, after it ends. */
export function activeRound(view: Pick<RoomView, 'round'>): RoundView | null {
  return view.round && view.round.endedAt === null ? view.round : null;
}

/**
 * Who `round.next` would hand the piece to: the next member after `index` still pending and
 * online (offline ones become absent). With `revisitPassed` the server appends those who passed
 * once the end is reached, so an empty answer then only means "the round ends or revisits".
 */
export function nextInRound(view: View): string | null {
  const round = activeRound(view);
  if (!round) return null;
  const online = new Set(view.members.filter((m) => m.online).map((m) => m.id));
  for (let i = round.index + 1; i < round.order.length; i++) {
    const id = round.order[i];
    if (id !== undefined && round.outcomes[id] === 'pending' && online.has(id)) return id;
  }
  return null;
}

/**
 * The command the "next speaker" key sends: the round moves on while one runs, else the first
 * raised hand is called; `from` always names the holder the dashboard saw so that a double press
 * never skips anyone. Null when there is nothing to move on to.
 */
export function nextSpeakerCommand(view: View): Command | null {
  const from = view.speaker?.memberId ?? null;
  if (activeRound(view)) return { type: 'round.next', from };
  if (view.hands.length > 0) return { type: 'hand.call', from };
  return null;
}

/** Who would speak next: the round's next member, or else the head of the hand queue. */
export function upNext(view: View): string | null {
  if (activeRound(view)) return nextInRound(view);
  return view.hands[0] ?? null;
}
