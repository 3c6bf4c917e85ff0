import { describe, expect, it } from 'vitest';
import {
  connect,
  connectDisplay,
  connectFacilitator,
  connectMember,
  createRoom,
  httpCommand,
  refusal,
} from '../helpers/clients';
import { ManualClock } from '../helpers/manual-clock';
import { capturedLogger, startInspectableServer } from '../helpers/security-server';

describe('logs', () => {
  it('never carry a name, key, token or hash, at the most verbose level', async () => {
    const { logger, lines } = capturedLogger();
    const server = await startInspectableServer({ logger });
    try {
      const room = await createRoom(server.url, { title: 'Grief circle' });
      const fac = await connectFacilitator(server.url, room);
      const zelda = await connectMember(server.url, room, 'Zelda Quenneville');
      const yusuf = await connectMember(server.url, room, 'Yusuf Okonkwo');
      await fac.send({ type: 'round.start', kind: 'check-in' });
      await httpCommand(server.url, room.code, room.facilitatorKey, {
        type: 'room.update',
        title: 'Renamed',
      });
      await httpCommand(server.url, room.code, room.facilitatorKey, {
        type: 'piece.give',
        memberId: 'nobody',
      });
      await httpCommand(server.url, room.code, 'a-wrong-key-that-must-not-be-logged', { type: 'round.end' });
      await refusal(server.url, { code: room.code, memberToken: 'forged-token-that-must-not-be-logged' });
      await refusal(server.url, { code: room.code, name: 'Zelda Quenneville' });
      await fetch(`${server.url}/api/rooms/${room.code}`);
      await fetch(`${server.url}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"title":',
      });
      for (const p of [fac, zelda, yusuf]) p.close();
      await fac.waitFor(() => true);
      const log = lines.join('\n');
      expect(lines.length).toBeGreaterThan(5); // requests were logged: the check is not vacuous
      const secrets = [
        'Zelda',
        'Quenneville',
        'Yusuf',
        'Okonkwo',
        room.facilitatorKey,
        room.displayKey,
        zelda.welcome.memberToken!,
        yusuf.welcome.memberToken!,
        'a-wrong-key-that-must-not-be-logged',
        'forged-token-that-must-not-be-logged',
      ];
      for (const secret of secrets) expect(log, secret).not.toContain(secret);
      expect(log).not.toMatch(/Hash"|authorization":"Bearer/i);
    } finally {
      await server.close();
    }
  });
});

describe('connected sockets', () => {
  it('keep no credential, name or request from their handshake once welcomed', async () => {
    const server = await startInspectableServer();
    try {
      const room = await createRoom(server.url);
      const fac = await connectFacilitator(server.url, room);
      const display = await connectDisplay(server.url, room);
      const zelda = await connectMember(server.url, room, 'Zelda Quenneville');
      const again = await connect(server.url, { code: room.code, memberToken: zelda.welcome.memberToken! });
      const sockets = [...server.io.of('/').sockets.values()];
      expect(sockets).toHaveLength(4);
      const held = JSON.stringify(sockets.map((s) => ({ handshake: s.handshake, data: s.data })));
      expect(held).toContain(zelda.welcome.memberId!); // the identity is there: the check is not vacuous
      for (const secret of [room.facilitatorKey, room.displayKey, zelda.welcome.memberToken!, 'Zelda'])
        expect(held, secret).not.toContain(secret);
      for (const socket of sockets) {
        expect(socket.handshake.auth).toEqual({});
        expect(socket.handshake.headers).toEqual({});
        expect(socket.data.memberToken).toBeUndefined();
        expect(socket.request).toBeNull();
      }
      for (const p of [fac, display, zelda, again]) p.close();
    } finally {
      await server.close();
    }
  });
});

describe('expired rooms', () => {
  it('leave nothing behind in memory: the room and every name in it are gone', async () => {
    const clock = new ManualClock();
    const server = await startInspectableServer({ clock, config: { roomTtlMs: 60_000 } });
    try {
      const room = await createRoom(server.url);
      const zelda = await connectMember(server.url, room, 'Zelda');
      zelda.close();
      await new Promise((r) => setTimeout(r, 50));
      expect(JSON.stringify(await server.store.get(room.code))).toContain('Zelda');
      clock.advance(60_001);
      expect(await server.store.count()).toBe(0);
      expect(await server.store.get(room.code)).toBeNull();
      // The map itself is empty: no entry holds the name any more.
      expect(JSON.stringify([...(server.store as unknown as { rooms: Map<string, unknown> }).rooms])).toBe(
        '[]',
      );
      expect((await fetch(`${server.url}/api/rooms/${room.code}`)).status).toBe(404);
      expect(await refusal(server.url, { code: room.code, facilitatorKey: room.facilitatorKey })).toBe(
        'room_not_found',
      );
    } finally {
      await server.close();
    }
  });
});
