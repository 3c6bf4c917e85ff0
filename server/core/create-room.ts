import type { Resource } from '../../shared/room-texts';
import type { Segment, Settings } from '../../shared/settings';
import { agendaState } from './agenda';
import type { RoomState } from './state';
import { idRecord } from './stats';

export interface CreateRoomInput {
  code: string;
  title: string;
  settings: Settings;
  agenda: Segment[];
  agreements?: string[];
  disclaimer?: string;
  resources?: Resource[];
  facilitatorKeyHash: string;
  displayKeyHash: string;
  now: number;
}

/** A new, open, empty room at version 1. The caller draws the code and keys and passes their hashes. */
export function createRoomState(input: CreateRoomInput): RoomState {
  return {
    version: 1,
    code: input.code,
    title: input.title,
    status: 'open',
    createdAt: input.now,
    settings: { ...input.settings },
    facilitatorKeyHash: input.facilitatorKeyHash,
    displayKeyHash: input.displayKeyHash,
    members: [],
    order: [],
    speaker: null,
    timer: null,
    round: null,
    hands: [],
    stats: idRecord(),
    signals: [],
    agenda: agendaState(input.agenda),
    agreements: [...(input.agreements ?? [])],
    disclaimer: input.disclaimer ?? '',
    resources: (input.resources ?? []).map((resource) => ({ ...resource })),
    pulse: null,
    pulses: [],
    roundsStarted: 0,
    departed: [],
    revokedTokenHashes: [],
    seq: 0,
  };
}
