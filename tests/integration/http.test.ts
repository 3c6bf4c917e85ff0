import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '../../shared/http';
import type { FacilitatorView, RoomView } from '../../shared/views';
import {
  connectFacilitator,
  connectMember,
  createRoom,
  httpCommand,
  type Participant,
} from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/server';

describe('the HTTP API', () => {
  let server: TestServer;
  let room: CreateRoomResponse;
  let fac: Participant<FacilitatorView>;
  let ana: Participant<RoomView>;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { title: 'Evening group', settings: { turnSeconds: 180 } });
    fac = await connectFacilitator(server.url, room);
    ana = await connectMember(server.url, room, 'Ana');
  });
  afterAll(async () => {
    fac?.close();
    ana?.close();
    await server?.close();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('creates a room with absolute urls whose keys live only in the fragment', () => {
    expect(room.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(room.facilitatorKey.length).toBeGreaterThanOrEqual(22);
    expect(room.urls.member).toBe(`${server.url}/j/${room.code}`);
    expect(room.urls.facilitator).toBe(`${server.url}/f/${room.code}#key=${room.facilitatorKey}`);
    expect(room.urls.display).toBe(`${server.url}/d/${room.code}#key=${room.displayKey}`);
    expect(fac.latest().settings).toMatchObject({ turnSeconds: 180, warnSeconds: 30, queueOrder: 'raised' });
  });

  it('refuses bad room creations with invalid_command', async () => {
    for (const body of ['{"title":""}', '{"title":42}', '{"settings":{"turnSeconds":5}}', 'not json', '[]']) {
      const res = await post('/api/rooms', body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_command');
    }
  });

  it('answers room info and 404 for unknown rooms', async () => {
    const res = await fetch(`${server.url}/api/rooms/${room.code.toLowerCase()}`);
    expect(await res.json()).toEqual({
      code: room.code,
      title: 'Evening group',
      status: 'open',
      locked: false,
      admission: 'open',
    });
    const missing = await fetch(`${server.url}/api/rooms/ZZZZZZ`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('room_not_found');
  });

  it('runs commands with the facilitator key and answers a Result', async () => {
    const give = await httpCommand(server.url, room.code, room.facilitatorKey, {
      type: 'piece.give',
      memberId: ana.welcome.memberId,
    });
    expect(give.status).toBe(200);
    expect(give.body).toEqual({ ok: true, version: expect.any(Number) });
    await ana.waitFor((v) => v.speaker?.memberId === ana.welcome.memberId);
    const refused = await httpCommand(server.url, room.code, room.facilitatorKey, {
      type: 'piece.give',
      memberId: 'nobody',
    });
    expect(refused).toEqual({
      status: 200,
      body: { ok: false, error: { code: 'unknown_member', message: expect.any(String) } },
    });
  });

  it('refuses transport errors by status, changing nothing', async () => {
    const before = fac.latest().version;
    const cases: [string, Record<string, string>, string, number, string][] = [
      [`/api/rooms/${room.code}/commands`, {}, '{"type":"timer.start"}', 401, 'bad_credentials'],
      [
        `/api/rooms/${room.code}/commands`,
        { authorization: `Bearer ${room.displayKey}` },
        '{"type":"timer.start"}',
        401,
        'bad_credentials',
      ],
      [
        '/api/rooms/ZZZZZZ/commands',
        { authorization: `Bearer ${room.facilitatorKey}` },
        '{"type":"timer.start"}',
        404,
        'room_not_found',
      ],
      [
        `/api/rooms/${room.code}/commands`,
        { authorization: `Bearer ${room.facilitatorKey}` },
        '{"type":"nope"}',
        400,
        'invalid_command',
      ],
      [
        `/api/rooms/${room.code}/commands`,
        { authorization: `Bearer ${room.facilitatorKey}` },
        '{oops',
        400,
        'invalid_command',
      ],
      [
        `/api/rooms/${room.code}/commands`,
        { authorization: `Bearer ${room.facilitatorKey}` },
        JSON.stringify({ type: 'timer.start', pad: 'x'.repeat(100_000) }),
        413,
        'payload_too_large',
      ],
    ];
    for (const [path, headers, body, status, code] of cases) {
      const res = await post(path, body, headers);
      expect(res.status, `${code} for ${body.slice(0, 30)}`).toBe(status);
      expect((await res.json()).error).toEqual({ code, message: expect.any(String) });
    }
    expect(fac.latest().version).toBe(before);
  });

  it('serves health, readiness and metrics', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('process_cpu_seconds_total');
    expect(metrics).toMatch(/circlekeeper_commands_total\{type="piece\.give",outcome="ok"\} 1/);
    expect(metrics).toMatch(/circlekeeper_commands_total\{type="piece\.give",outcome="unknown_member"\} 1/);
    expect(metrics).toMatch(/circlekeeper_sockets\{role="member"\} 1/);
    expect(metrics).toMatch(/circlekeeper_rooms 1/);
    expect(metrics).toContain('circlekeeper_command_duration_seconds_bucket');
  });

  it('sends security headers with a strict content security policy', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
