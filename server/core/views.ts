import type { FacilitatorView, RoomView, RoundView } from '../../shared/views';
import { servedHands } from './hand-queue';
import type { RoomState, RoundState } from './state';
import { statsAt } from './stats';

/**
 * Projections of the state for each role at server instant `now`. Built field by field (never by
 * spreading the state) so that no secret — key hashes, token hashes, revoked tokens — can leak in.
 */
export function memberView(state: RoomState, now: number): RoomView {
  return {
    version: state.version,
    serverNow: now,
    code: state.code,
    title: state.title,
    status: state.status,
    settings: { ...state.settings },
    // Members in join order; only what everyone may see about them.
    members: state.members.map((member) => ({
      id: member.id,
      name: member.name,
      role: member.role,
      online: member.online,
      handRaisedAt: member.handRaisedAt,
    })),
    order: [...state.order],
    speaker: state.speaker === null ? null : { ...state.speaker },
    timer: state.timer === null ? null : { ...state.timer },
    round: state.round === null ? null : roundView(state.round),
    hands: servedHands(state, now),
  };
}

/** The projector's view: the member view for now (they diverge in v1.1). */
export function displayView(state: RoomState, now: number): RoomView {
  return memberView(state, now);
}

/** The facilitators' view adds speaking statistics (live at `now`) and signals, newest last. */
export function facilitatorView(state: RoomState, now: number): FacilitatorView {
  return {
    ...memberView(state, now),
    stats: statsAt(state, now),
    signals: state.signals.map((signal) => ({ ...signal })),
  };
}

function roundView(round: RoundState): RoundView {
  return {
    id: round.id,
    kind: round.kind,
    prompt: round.prompt,
    turnSeconds: round.turnSeconds,
    revisitPassed: round.revisitPassed,
    order: [...round.order],
    index: round.index,
    outcomes: { ...round.outcomes },
    startedAt: round.startedAt,
    endedAt: round.endedAt,
  };
}
