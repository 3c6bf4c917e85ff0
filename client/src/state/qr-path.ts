import QRCode from 'qrcode';

export interface QrShape {
  /** Modules per side (without the quiet zone). */
  size: number;
  /** An SVG path drawing every dark module as a 1×1 square. */
  path: string;
}

/** A QR code as one SVG path, drawn by React (no markup injected into the page). */
export function qrShape(text: string): QrShape {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (modules.get(y, x)) parts.push(`M${x} ${y}h1v1h-1z`);
    }
  }
  return { size: modules.size, path: parts.join('') };
}
