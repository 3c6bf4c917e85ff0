import { type Packet, PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { benchRoomViews } from '../../../bench/floor-views';
import { versionParser } from '../../../bench/version-parser';
import { jsonParser } from '../../../server/transport/json-parser';
import { decodePacket } from '../../helpers/packets';

/** What the load generators' decoder makes of one packet as a server encodes it. */
const decoded = (text: string) => decodePacket(text, new versionParser.Decoder());
const encoded = (packet: Packet) => new jsonParser.Encoder().encode(packet)[0] as string;
const event = (data: unknown[]): Packet => ({ type: PacketType.EVENT, nsp: '/', data });

describe("the load generators' parser (bench/version-parser.ts)", () => {
  it("reads each role's state, as either server writes it, as its version and its JSON's length", async () => {
    const views = await benchRoomViews(10);
    for (const view of Object.values(views)) {
      const json = JSON.stringify({ ...view, version: 4321 });
      // Circlekeeper writes the view's JSON itself; the floor hands the encoder the object.
      for (const data of [
        ['state', json],
        ['state', JSON.parse(json)],
      ]) {
        expect(decoded(encoded(event(data)))).toEqual(
          event(['state', { version: 4321, bytes: Buffer.byteLength(json) }]),
        );
      }
    }
  });

  it('decodes every other packet whole: other events, acks, and a state that does not begin with its version', () => {
    const welcome = event(['welcome', { role: 'member', serverNow: 5 }]);
    expect(decoded(encoded(welcome))).toEqual(welcome);
    const ack: Packet = { type: PacketType.ACK, nsp: '/', id: 7, data: [{ ok: true, version: 9 }] };
    expect(decoded(encoded(ack))).toEqual(ack);
    const late = event(['state', { serverNow: 1, version: 2 }]);
    expect(decoded(encoded(late))).toEqual(late);
  });
});
