import { Decoder, Encoder, type Packet } from 'socket.io-parser';

/**
 * Socket.IO's parser, less one walk. The stock encoder looks through every packet's data for binary
 * (`hasBinary`) before it encodes: for a view, a walk over every field of every member on every
 * broadcast, though Circlekeeper sends only JSON. This encoder writes the very text packets the
 * stock one writes for JSON data (`<type>[<nsp>,][<id>]<json>`) without that walk, so clients keep
 * the stock decoder, and so does this server for what it receives.
 */
class JsonEncoder extends Encoder {
  override encode(packet: Packet): string[] {
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id != null) text += packet.id;
    if (packet.data != null) text += JSON.stringify(packet.data);
    return [text];
  }
}

/** For Socket.IO's `parser` option. */
export const jsonParser = { Encoder: JsonEncoder, Decoder };
