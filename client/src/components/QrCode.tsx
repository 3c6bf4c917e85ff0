import { useMemo } from 'react';
import { qrShape } from '../state/qr-path';

/** A QR code for a link; `label` names it for screen readers (the link is also shown as text). */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => qrShape(text), [text]);
  const quiet = 4; // modules of white margin that scanners need around the code
  const side = size + 2 * quiet;
  return (
    <svg className="qr" viewBox={`${-quiet} ${-quiet} ${side} ${side}`} role="img" aria-label={label}>
      <rect x={-quiet} y={-quiet} width={side} height={side} fill="#ffffff" />
      <path d={path} fill="#000000" shapeRendering="crispEdges" />
    </svg>
  );
}
