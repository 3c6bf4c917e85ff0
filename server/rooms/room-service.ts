import type { Logger } from 'pino';
import type { HandshakeAuth } from '../../shared/auth';
import type { Command } from '../../shared/commands';
import { type ErrorCode, errorBody } from '../../shared/errors';
import type { CreateRoomBody, RoomInfo } from '../../shared/http';
import type { MemberStatus } from '../../shared/lobby';
import { NameSchema } from '../../shared/names';
import type { Result } from '../../shared/results';
import { normalizeRoomCode } from '../../shared/room-code';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { StateView } from '../../shared/views';
import type { Clock } from '../clock';
import type { Actor, SystemCommand } from '../core/actor';
import { createRoomState } from '../core/create-room';
import { findMember } from '../core/room-queries';
import type { RoomState } from '../core/state';
import type { Metrics } from '../metrics';
import type { RoomStore, UpdateOutcome } from '../store/room-store';
import { StoreUnavailableError } from '../store/room-store';
import type { RoomBroadcaster } from './broadcaster';
import { type ApplyStep, commandStep } from './command-step';
import { type ViewRole, viewOf } from './identity-view';
import { hashSecret, matchesHash, newMemberId, newRoomCode, newSecret } from './secrets';

export { projectView, type ViewRole } from './identity-view';

/**
 * Who a socket or HTTP caller is, once authenticated. Every identity has the same fields (absent
 * ones undefined), so that V8 gives them all one hidden class rather than one per socket.
 */
export interface Identity {
  code: string;
  actor: Actor;
  /** Which view they receive (a co-facilitator receives the facilitator view). */
  viewRole: ViewRole;
  memberId: string | undefined;
  /** A member's status at the handshake: one who is not `active` follows no role's broadcast. */
  status: MemberStatus | undefined;
}

/** An identity and, only on a member's first join, the secret to resume with (sent once, kept nowhere). */
export interface Admission {
  identity: Identity;
  memberToken: string | undefined;
}

export interface RoomServiceDeps {
  store: RoomStore;
  clock: Clock;
  metrics: Metrics;
  log: Logger;
  /** Most members a room holds; a join beyond answers `room_full` (MAX_MEMBERS_PER_ROOM). */
  maxMembers?: number;
}

export class RoomError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

/**
 * The one write path: every command (socket, HTTP, presence, join) becomes
 * `store.update(code, state => apply(state, command, actor, now))`, then the changed views go out.
 */
export class RoomService {
  private broadcaster: RoomBroadcaster | null = null;

  constructor(private readonly deps: RoomServiceDeps) {}

  attach(broadcaster: RoomBroadcaster): void {
    this.broadcaster = broadcaster;
  }

  async createRoom(
    body: CreateRoomBody,
  ): Promise<{ code: string; facilitatorKey: string; displayKey: string }> {
    const facilitatorKey = newSecret();
    const displayKey = newSecret();
    for (;;) {
      const state = createRoomState({
        code: newRoomCode(),
        title: body.title ?? 'Our circle',
        settings: { ...DEFAULT_SETTINGS, ...body.settings },
        agenda: body.agenda ?? [],
        agreements: body.agreements ?? [],
        disclaimer: body.disclaimer ?? '',
        resources: body.resources ?? [],
        facilitatorKeyHash: hashSecret(facilitatorKey),
        displayKeyHash: hashSecret(displayKey),
        now: this.deps.clock.now(),
      });
      if (await this.deps.store.create(state)) return { code: state.code, facilitatorKey, displayKey };
    }
  }

  async info(rawCode: string): Promise<RoomInfo | null> {
    const state = await this.find(rawCode);
    if (!state) return null;
    if (state.status === 'ended') return { code: state.code, status: 'ended' };
    const { code, title, settings } = state;
    return { code, title, status: 'open', locked: settings.locked, admission: settings.admission };
  }

  /** Checks a facilitator key for the HTTP command API. */
  async facilitatorIdentity(rawCode: string, key: string): Promise<Identity> {
    return (await this.authenticate({ code: rawCode, facilitatorKey: key })).identity;
  }

  /** Resolves handshake credentials to an identity; a new member joins the room here. */
  async authenticate(auth: HandshakeAuth): Promise<Admission> {
    const state = await this.find(auth.code);
    if (!state) throw new RoomError('room_not_found');
    // An ended room keeps no key, token or name: nobody gets in, whatever they present.
    if (state.status === 'ended') throw new RoomError('room_ended');
    const code = state.code;
    if ('facilitatorKey' in auth) {
      if (!matchesHash(auth.facilitatorKey, state.facilitatorKeyHash)) throw new RoomError('bad_credentials');
      return admitted(identityOf(code, FACILITATOR, 'facilitator'));
    }
    if ('displayKey' in auth) {
      if (!matchesHash(auth.displayKey, state.displayKeyHash)) throw new RoomError('bad_credentials');
      return admitted(identityOf(code, DISPLAY, 'display'));
    }
    if ('memberToken' in auth) {
      const member = state.members.find((m) => matchesHash(auth.memberToken, m.tokenHash));
      if (!member) {
        const revoked = state.revokedTokenHashes.some((h) => matchesHash(auth.memberToken, h));
        throw new RoomError(revoked ? 'removed' : 'bad_credentials');
      }
      return admitted(memberIdentity(code, member.id, member.role === 'cofacilitator', member.status));
    }
    const name = NameSchema.safeParse(auth.name);
    if (!name.success) throw new RoomError('invalid_name');
    const memberId = newMemberId();
    const memberToken = newSecret();
    const join: SystemCommand = {
      type: 'member.join',
      memberId,
      name: name.data,
      tokenHash: hashSecret(memberToken),
    };
    const result = await this.execute(code, join, { kind: 'system' });
    if (!result.ok) throw new RoomError(result.error.code);
    // Read back where the new member stands (agreements to accept, a door to wait at, or in).
    const joined = await this.find(code);
    const status = joined && joined.status !== 'ended' ? findMember(joined, memberId)?.status : undefined;
    if (status === undefined)
      throw new RoomError(joined?.status === 'ended' ? 'room_ended' : 'room_not_found');
    return admitted(memberIdentity(code, memberId, false, status), memberToken);
  }

  /** Applies a command atomically and publishes what changed. Always answers; never throws. */
  async execute(rawCode: string, command: Command | SystemCommand, actor: Actor): Promise<Result> {
    const started = performance.now();
    const result = await this.run(rawCode, command, actor);
    const { metrics } = this.deps;
    metrics.commands.inc({ type: command.type, outcome: result.ok ? 'ok' : result.error.code });
    metrics.commandSeconds.observe({ type: command.type }, (performance.now() - started) / 1000);
    return result;
  }

  /**
   * The current view for an identity, read from the state (a member admitted or made co-facilitator
   * since the handshake gets their new view), or null if the room or the member is gone.
   */
  async viewFor(identity: Identity): Promise<StateView | null> {
    const state = await this.deps.store.get(identity.code);
    return state && viewOf(state, identity, this.deps.clock.now());
  }

  private async run(rawCode: string, command: Command | SystemCommand, actor: Actor): Promise<Result> {
    const code = normalizeRoomCode(rawCode);
    if (!code) return { ok: false, error: errorBody('room_not_found') };
    const now = this.deps.clock.now();
    let outcome: UpdateOutcome<ApplyStep> | null;
    try {
      outcome = await this.deps.store.update<ApplyStep>(code, (state) => {
        // Inside the atomic update, so that joins racing for the last place cannot both get in.
        if (overCapacity(state, command, this.deps.maxMembers)) {
          return { state, value: { ok: false, error: errorBody('room_full') } };
        }
        return commandStep(state, command, actor, now);
      });
    } catch (err) {
      if (!(err instanceof StoreUnavailableError))
        this.deps.log.error({ err, type: command.type }, 'command failed');
      return { ok: false, error: errorBody('unavailable') };
    }
    if (!outcome) return { ok: false, error: errorBody('room_not_found') };
    const step = outcome.value;
    if (!step.ok) return step;
    // Effects first, once the write is done: an admitted member or a new co-facilitator follows
    // their new role's broadcast before it goes out; nudges, ejections and the end need no view.
    if (step.effects.length > 0) this.broadcaster?.deliver(code, step.effects, outcome.state, now);
    // An ended room has no views left to publish: its `ended` effect told everyone.
    if (outcome.changed && outcome.state.status !== 'ended')
      this.broadcaster?.publish(step.prev, outcome.state, now);
    return { ok: true, version: outcome.state.version };
  }

  private async find(rawCode: string): Promise<RoomState | null> {
    const code = normalizeRoomCode(rawCode);
    if (!code) return null;
    try {
      return await this.deps.store.get(code);
    } catch (err) {
      throw err instanceof StoreUnavailableError ? new RoomError('unavailable') : err;
    }
  }
}

/** A join of someone new into a room that already holds `max` members (a retry of a join is not). */
function overCapacity(state: RoomState, command: Command | SystemCommand, max: number | undefined): boolean {
  return (
    command.type === 'member.join' &&
    max !== undefined &&
    state.members.length >= max &&
    !state.members.some((m) => m.id === command.memberId)
  );
}

const FACILITATOR: Actor = { kind: 'facilitator' };
const DISPLAY: Actor = { kind: 'display' };

function identityOf(
  code: string,
  actor: Actor,
  viewRole: ViewRole,
  memberId?: string,
  status?: MemberStatus,
): Identity {
  return { code, actor, viewRole, memberId, status };
}

function memberIdentity(
  code: string,
  memberId: string,
  cofacilitator: boolean,
  status: MemberStatus,
): Identity {
  const viewRole = cofacilitator ? 'facilitator' : 'member';
  return identityOf(code, { kind: 'member', memberId }, viewRole, memberId, status);
}

function admitted(identity: Identity, memberToken?: string): Admission {
  return { identity, memberToken };
}
