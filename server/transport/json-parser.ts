import { Decoder, Encoder, type Packet } from 'socket.io-parser';

/**
 * Socket.IO's parser, less one walk. The stock encoder looks through every packet's data for binary
 * (`hasBinary`) before it encodes: for a view, a walk over every field of every member on every
 * broadcast, though Circlekeeper sends only JSON. This encoder writes the very text packets the
 * stock one writes for JSON data (`<type>[<nsp>,][<id>]<json>`) without that walk, so clients keep
 * the stock decoder, and so does this server for what it receives. An event's argument written as
 * JSON beforehand (`writtenJson`) goes into the packet as it is.
 */
class JsonEncoder extends Encoder {
  override encode(packet: Packet): string[] {
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id != null) text += packet.id;
    if (packet.data != null) text += dataJson(packet.data);
    return [text];
  }
}

/** For Socket.IO's `parser` option. */
export const jsonParser = { Encoder: JsonEncoder, Decoder };

/**
 * The key that marks data already written as JSON. A plain object with one odd key, not a class:
 * with Redis, the adapter carries a broadcast's packet to the other processes through msgpack, which
 * keeps an object's string keys and nothing of its class, and their encoders must know it too.
 */
const WRITTEN = '\u0000json';

/**
 * Data already written as JSON (by `viewJson`), to emit where data of type `T` goes: the encoder
 * puts `json` in the packet as it is, so what goes on the wire is what `T` encodes to.
 */
export function writtenJson<T>(json: string): T {
  return { [WRITTEN]: json } as T;
}

/** An event with its one argument written beforehand is `[name, json]`; anything else is stringified. */
function dataJson(data: unknown): string {
  if (Array.isArray(data) && data.length === 2) {
    const arg = data[1] as Record<string, unknown> | null;
    const json = typeof arg === 'object' && arg !== null ? arg[WRITTEN] : undefined;
    if (typeof json === 'string') return `[${JSON.stringify(data[0])},${json}]`;
  }
  return JSON.stringify(data);
}
