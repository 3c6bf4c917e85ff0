import { Decoder, Encoder, type Packet } from 'socket.io-parser';

/**
 * Socket.IO's parser, less one walk. The stock encoder looks through every packet's data for binary
 * (`hasBinary`) before it encodes: for a view, a walk over every field of every member on every
 * broadcast, though Circlekeeper sends only JSON. This encoder writes the very text packets the
 * stock one writes for JSON data (`<type>[<nsp>,][<id>]<json>`) without that walk, so clients keep
 * the stock decoder, and so does this server for what it receives.
 *
 * One addition: a `state` whose view is a string is that view's JSON, written already by the
 * broadcaster (view-json.ts), and goes into the packet as it is: the bytes are those the view
 * object would have given. No `state` carries a string for any other reason.
 */
class JsonEncoder extends Encoder {
  override encode(packet: Packet): string[] {
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id != null) text += packet.id;
    const data: unknown = packet.data;
    if (data != null) text += isWrittenState(data) ? `["state",${data[1]}]` : JSON.stringify(data);
    return [text];
  }
}

function isWrittenState(data: unknown): data is ['state', string] {
  return Array.isArray(data) && data.length === 2 && data[0] === 'state' && typeof data[1] === 'string';
}

/** For Socket.IO's `parser` option. */
export const jsonParser = { Encoder: JsonEncoder, Decoder };
