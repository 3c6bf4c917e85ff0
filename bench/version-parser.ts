import { Decoder, Encoder, PacketType } from 'socket.io-parser';

/** How a `state` event begins on the wire (`2` for an event), then its view, then `]`. */
const STATE_EVENT = '2["state",';
/** Both servers' views begin with their version. */
const STATE_PREFIX = `${STATE_EVENT}{"version":`;

/**
 * The load generators' Socket.IO parser: a `state` event is read only as far as its version, and
 * its length, instead of being parsed whole. The generators stand in for 12,000 phones, which parse
 * their views on their own processors; here they share the server's two cores, and parsing every
 * view (with the garbage it leaves) took them ~8 % of a core more at one command per room per
 * second (docs/performance.md, stop 21), time the server then waited for. Both sides' receivers read states this way, so their
 * cost stays the same for both. Every other packet (welcome, acks, errors) is decoded whole.
 */
class VersionDecoder extends Decoder {
  override add(chunk: unknown): void {
    if (typeof chunk === 'string' && chunk.startsWith(STATE_PREFIX)) {
      const end = chunk.indexOf(',', STATE_PREFIX.length);
      const version = Number(chunk.slice(STATE_PREFIX.length, end));
      if (Number.isInteger(version)) {
        const view: StateHead = { version, bytes: chunk.length - STATE_EVENT.length - 1 };
        this.emitReserved('decoded', { type: PacketType.EVENT, nsp: '/', data: ['state', view] });
        return;
      }
    }
    super.add(chunk);
  }
}

/** What a load generator learns of a `state`: its version and its JSON's length (ASCII: bytes). */
export interface StateHead {
  version: number;
  bytes: number;
}

/** For socket.io-client's `parser` option. */
export const versionParser = { Encoder, Decoder: VersionDecoder };
