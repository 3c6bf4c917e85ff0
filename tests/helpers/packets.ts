import { Decoder, type Packet } from 'socket.io-parser';

/** The one packet a Socket.IO decoder makes of one text frame (the stock decoder unless given another). */
export function decodePacket(text: string, decoder: Decoder = new Decoder()): Packet {
  let packet: Packet | undefined;
  decoder.on('decoded', (p: Packet) => {
    packet = p;
  });
  decoder.add(text);
  if (!packet) throw new Error('nothing decoded');
  return packet;
}
