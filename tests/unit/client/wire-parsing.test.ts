import { describe, expect, it } from 'vitest';
import { isNewer, parseState } from '../../../client/src/socket/parse-view';
import { parseResult, toErrorCode, WelcomeSchema } from '../../../client/src/socket/wire-schemas';
import { qrShape } from '../../../client/src/state/qr-path';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { DisplayView, LobbyView, RoomView } from '../../../shared/views';

const displayView: DisplayView = {
  version: 4,
  serverNow: 1,
  code: 'K7MPQ3',
  title: 'T',
  status: 'open',
  settings: DEFAULT_SETTINGS,
  members: [],
  order: [],
  speaker: null,
  timer: null,
  round: null,
  hands: [],
  agenda: null,
  agreements: ['What is said here stays here.'],
};
const roomView: RoomView = { ...displayView, disclaimer: '', resources: [], pulse: null };
const lobby: LobbyView = {
  version: 2,
  serverNow: 1,
  code: 'K7MPQ3',
  title: 'T',
  status: 'consent',
  agreements: ['What is said here stays here.'],
  disclaimer: 'Not therapy.',
  resources: [],
};

describe('parseState', () => {
  it('parses each role with its own schema', () => {
    expect(parseState(roomView, 'member')).toEqual({ kind: 'view', view: roomView });
    expect(parseState(displayView, 'display')).toEqual({ kind: 'view', view: displayView });
    const facilitator = { ...roomView, members: [], stats: {}, signals: [] };
    expect(parseState(facilitator, 'facilitator')).toEqual({ kind: 'view', view: facilitator });
    expect(parseState(facilitator, 'cofacilitator')).toEqual({ kind: 'view', view: facilitator });
  });
  it('refuses what does not fit the role', () => {
    expect(parseState(roomView, 'facilitator')).toBeNull(); // no stats or signals
    expect(parseState(displayView, 'member')).toBeNull(); // no member texts
    expect(parseState({ ...roomView, version: 'x' }, 'display')).toBeNull();
    expect(parseState(null, 'member')).toBeNull();
  });
  it("lets a member's socket switch between the member and the facilitator view", () => {
    const facilitator = { ...roomView, members: [], stats: {}, signals: [] };
    expect(parseState(facilitator, 'member')).toEqual({ kind: 'view', view: facilitator });
    expect(parseState(roomView, 'cofacilitator')).toEqual({ kind: 'view', view: roomView });
  });
  it('gives a member who is not let in yet the lobby', () => {
    expect(parseState(lobby, 'member')).toEqual({ kind: 'lobby', lobby });
    expect(parseState(lobby, 'display')).toBeNull();
  });
  it('applies only strictly newer versions', () => {
    expect(isNewer(4, null)).toBe(true);
    expect(isNewer(4, 3)).toBe(true);
    expect(isNewer(4, 4)).toBe(false);
    expect(isNewer(4, 9)).toBe(false);
  });
});

describe('parseResult', () => {
  it('passes results through', () => {
    expect(parseResult({ ok: true, version: 7 })).toEqual({ ok: true, version: 7 });
    expect(parseResult({ ok: false, error: { code: 'not_holder', message: 'No.' } })).toEqual({
      ok: false,
      error: { code: 'not_holder', message: 'No.' },
    });
  });
  it('turns unknown codes and unreadable answers into unavailable', () => {
    expect(parseResult({ ok: false, error: { code: 'brand_new', message: 'Hm.' } })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Hm.' },
    });
    expect(parseResult('garbage')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
  it('knows the contract error codes only', () => {
    expect(toErrorCode('name_taken')).toBe('name_taken');
    expect(toErrorCode('websocket error')).toBeNull();
  });
  it('parses a welcome', () => {
    expect(WelcomeSchema.safeParse({ role: 'member', memberId: 'm1', serverNow: 5 }).success).toBe(true);
    expect(WelcomeSchema.safeParse({ role: 'boss', serverNow: 5 }).success).toBe(false);
  });
});

describe('qrShape', () => {
  it('draws one square per dark module', () => {
    const { size, path } = qrShape('https://circle.example/j/K7MPQ3');
    expect(size).toBeGreaterThanOrEqual(21);
    expect(path.startsWith('M0 0h1v1h-1z')).toBe(true); // the top-left finder pattern is dark
    expect(path.split('M').length - 1).toBeLessThan(size * size);
  });
});
