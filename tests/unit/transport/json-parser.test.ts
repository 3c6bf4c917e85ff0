import { Encoder, type Packet, PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { roleViews } from '../../../server/core/views';
import { jsonParser } from '../../../server/transport/json-parser';
import { decodePacket as decoded } from '../../helpers/packets';
import { roomWith, T0 } from '../core/fixtures';

const stock = new Encoder();
const ours = new jsonParser.Encoder();

describe('the JSON-only Socket.IO encoder', () => {
  const views = roleViews(roomWith(['a', 'b', 'c']), T0);
  const packets: [string, Packet][] = [
    ['a broadcast view', { type: PacketType.EVENT, nsp: '/', data: ['state', views.facilitator] }],
    [
      'an event on another namespace',
      { type: PacketType.EVENT, nsp: '/admin', data: ['state', views.member] },
    ],
    ['an ack', { type: PacketType.ACK, nsp: '/', id: 42, data: [{ ok: true, version: 7 }] }],
    [
      'an event that asks for an ack',
      { type: PacketType.EVENT, nsp: '/', id: 0, data: ['welcome', { a: 'é"\\' }] },
    ],
    ['a connect', { type: PacketType.CONNECT, nsp: '/', data: { sid: 'abc' } }],
    ['a connect error', { type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'bad_credentials' } }],
    ['a disconnect', { type: PacketType.DISCONNECT, nsp: '/' }],
  ];

  it.each(packets)('writes %s exactly as the stock encoder does', (_name, packet) => {
    const text = ours.encode(packet);
    expect(text).toEqual(stock.encode(packet));
    const { type, nsp, data } = packet;
    expect(decoded(text[0]!)).toMatchObject(data === undefined ? { type, nsp } : { type, nsp, data });
  });

  it("writes a state whose view is already JSON (the broadcaster's) as the view object would be written", () => {
    const written = { type: PacketType.EVENT, nsp: '/', data: ['state', JSON.stringify(views.member)] };
    const object = { type: PacketType.EVENT, nsp: '/', data: ['state', views.member] };
    expect(ours.encode(written)).toEqual(stock.encode(object));
    expect(decoded(ours.encode(written)[0]!).data).toEqual([
      'state',
      JSON.parse(JSON.stringify(views.member)),
    ]);
  });

  it('writes any other string as a string (only a state carries JSON already)', () => {
    const packet = { type: PacketType.EVENT, nsp: '/', data: ['nudge', '{"not":"json to splice"}'] };
    expect(ours.encode(packet)).toEqual(stock.encode(packet));
  });
});
