import { Decoder, Encoder, type Packet } from 'socket.io-parser';

/**
 * Socket.IO's parser, for a server that sends only JSON. It writes the very text packets the stock
 * encoder writes for JSON data (`<type>[<nsp>,][<id>]<json>`), so clients keep the stock decoder,
 * and so does this server for what it receives; two things differ in how:
 * - no walk of the data for binary (`hasBinary`) before encoding;
 * - a frozen object's JSON is written once and kept beside it. Views share the state's parts,
 *   which are frozen (a change makes a new state and leaves the parts it did not touch as they
 *   were), so a broadcast encodes only what changed since the last one: after a timer change,
 *   the timer, not the member list.
 */
class JsonEncoder extends Encoder {
  override encode(packet: Packet): string[] {
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id != null) text += packet.id;
    if (packet.data != null) text += json(packet.data);
    return [text];
  }
}

/** The JSON of frozen objects, kept as long as they live. */
const written = new WeakMap<object, string>();

/** `JSON.stringify(value)` for view data (plain objects, arrays, strings, numbers, booleans, null). */
export function json(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Object.isFrozen(value)) {
    let text = written.get(value);
    if (text === undefined) {
      text = JSON.stringify(value);
      written.set(value, text);
    }
    return text;
  }
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ',';
      text += skipped(value[i]) ? 'null' : json(value[i]);
    }
    return `${text}]`;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(value);
  let text = '{';
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (skipped(field)) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${json(field)}`;
  }
  return `${text}}`;
}

/** What JSON leaves out of an object (and writes as null in an array). */
function skipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** For Socket.IO's `parser` option. */
export const jsonParser = { Encoder: JsonEncoder, Decoder };
