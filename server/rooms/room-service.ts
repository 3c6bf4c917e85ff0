import type { Logger } from 'pino';
import type { HandshakeAuth } from '../../shared/auth';
import type { Command } from '../../shared/commands';
import { type ErrorBody, type ErrorCode, errorBody } from '../../shared/errors';
import type { CreateRoomBody, RoomInfo } from '../../shared/http';
import { NameSchema } from '../../shared/names';
import type { Result } from '../../shared/results';
import { normalizeRoomCode } from '../../shared/room-code';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { AnyView } from '../../shared/views';
import type { Clock } from '../clock';
import type { Actor, SystemCommand } from '../core/actor';
import { apply } from '../core/apply';
import { createRoomState } from '../core/create-room';
import type { RoomState } from '../core/state';
import { displayView, facilitatorView, memberView } from '../core/views';
import type { Metrics } from '../metrics';
import type { RoomStore, UpdateOutcome } from '../store/room-store';
import { StoreUnavailableError } from '../store/room-store';
import type { RoomBroadcaster } from './broadcaster';
import { hashSecret, matchesHash, newMemberId, newRoomCode, newSecret } from './secrets';

/** What `apply` said, carried out of the store's atomic update. */
type ApplyStep = { ok: true; prev: RoomState } | { ok: false; error: ErrorBody };

export type ViewRole = 'facilitator' | 'member' | 'display';

/** Who a socket or HTTP caller is, once authenticated. */
export interface Identity {
  code: string;
  actor: Actor;
  /** Which view they receive (a co-facilitator receives the facilitator view). */
  viewRole: ViewRole;
  memberId?: string;
  /** Only on a member's first join: the secret to resume with. */
  memberToken?: string;
}

export interface RoomServiceDeps {
  store: RoomStore;
  clock: Clock;
  metrics: Metrics;
  log: Logger;
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
    const { code, title, status, settings } = state;
    return { code, title, status, locked: settings.locked, admission: settings.admission };
  }

  /** Checks a facilitator key for the HTTP command API. */
  async facilitatorIdentity(rawCode: string, key: string): Promise<Identity> {
    return this.authenticate({ code: rawCode, facilitatorKey: key });
  }

  /** Resolves handshake credentials to an identity; a new member joins the room here. */
  async authenticate(auth: HandshakeAuth): Promise<Identity> {
    const state = await this.find(auth.code);
    if (!state) throw new RoomError('room_not_found');
    const code = state.code;
    if ('facilitatorKey' in auth) {
      if (!matchesHash(auth.facilitatorKey, state.facilitatorKeyHash)) throw new RoomError('bad_credentials');
      return { code, actor: { kind: 'facilitator' }, viewRole: 'facilitator' };
    }
    if ('displayKey' in auth) {
      if (!matchesHash(auth.displayKey, state.displayKeyHash)) throw new RoomError('bad_credentials');
      return { code, actor: { kind: 'display' }, viewRole: 'display' };
    }
    if ('memberToken' in auth) {
      const member = state.members.find((m) => matchesHash(auth.memberToken, m.tokenHash));
      if (!member) {
        const revoked = state.revokedTokenHashes.some((h) => matchesHash(auth.memberToken, h));
        throw new RoomError(revoked ? 'removed' : 'bad_credentials');
      }
      return memberIdentity(code, member.id, member.role === 'cofacilitator');
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
    return { ...memberIdentity(code, memberId, false), memberToken };
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

  /** The current view for an identity, or null if the room is gone. */
  async viewFor(identity: Identity): Promise<AnyView | null> {
    const state = await this.deps.store.get(identity.code);
    return state && projectView(state, identity.viewRole, this.deps.clock.now());
  }

  private async run(rawCode: string, command: Command | SystemCommand, actor: Actor): Promise<Result> {
    const code = normalizeRoomCode(rawCode);
    if (!code) return { ok: false, error: errorBody('room_not_found') };
    const now = this.deps.clock.now();
    let outcome: UpdateOutcome<ApplyStep> | null;
    try {
      outcome = await this.deps.store.update<ApplyStep>(code, (state) => {
        const applied = apply(state, command, actor, now);
        return applied.ok
          ? { state: applied.state, value: { ok: true, prev: state } }
          : { state, value: { ok: false, error: applied.error } };
      });
    } catch (err) {
      if (!(err instanceof StoreUnavailableError))
        this.deps.log.error({ err, type: command.type }, 'command failed');
      return { ok: false, error: errorBody('unavailable') };
    }
    if (!outcome) return { ok: false, error: errorBody('room_not_found') };
    const step = outcome.value;
    if (!step.ok) return step;
    if (outcome.changed) {
      this.broadcaster?.publish(step.prev, outcome.state, now);
      if (command.type === 'member.remove') this.broadcaster?.eject(code, command.memberId, 'removed');
    }
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

function memberIdentity(code: string, memberId: string, cofacilitator: boolean): Identity {
  return {
    code,
    actor: { kind: 'member', memberId },
    viewRole: cofacilitator ? 'facilitator' : 'member',
    memberId,
  };
}

export function projectView(state: RoomState, role: ViewRole, now: number): AnyView {
  if (role === 'facilitator') return facilitatorView(state, now);
  return role === 'member' ? memberView(state, now) : displayView(state, now);
}
