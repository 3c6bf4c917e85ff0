import { useState } from 'react';
import type { CreateRoomResponse } from '../../../../shared/http';
import { facePaths } from '../../../../shared/http';

/**
 * The display link needs the display key, which the dashboard knows only if this browser created
 * the room: the start page keeps its answer under `ck:room:<code>`; a display opened in this tab
 * keeps its key under `circlekeeper:display-key:<CODE>` (see state/room-keys.ts).
 */
export function storedDisplayUrl(code: string): string | null {
  try {
    const raw = sessionStorage.getItem(`ck:room:${code}`);
    const parsed = raw ? (JSON.parse(raw) as Partial<CreateRoomResponse> | null) : null;
    const url = parsed?.urls?.display;
    if (typeof url === 'string' && url.length > 0) return url;
    const key = sessionStorage.getItem(`circlekeeper:display-key:${code.toUpperCase()}`);
    return key ? `${location.origin}${facePaths.display(code)}#key=${encodeURIComponent(key)}` : null;
  } catch {
    return null;
  }
}

/** The member join link and room code, with copy, and a button that opens the room display. */
export function SharePanel({ code, prominent }: { code: string; prominent: boolean }) {
  const joinUrl = `${location.origin}${facePaths.member(code)}`;
  const displayUrl = storedDisplayUrl(code);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(joinUrl);
      setCopied(true);
      setTimeout(() => setCopied(false), 2500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section
      className={`fac-panel fac-share${prominent ? ' is-prominent' : ''}`}
      aria-labelledby="fac-share-h"
    >
      <h2 id="fac-share-h">{prominent ? 'Invite people to join' : 'Invite'}</h2>
      <p className="fac-share-code">
        Room code <strong className="fac-code">{code}</strong>
      </p>
      <p className="fac-share-label" id="fac-join-label">
        Join link for members
      </p>
      <div className="fac-share-row">
        <a
          className="fac-share-url"
          href={joinUrl}
          target="_blank"
          rel="noopener"
          aria-describedby="fac-join-label"
        >
          {joinUrl}
        </a>
        <button type="button" className="fac-btn" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
      <p className="fac-visually-hidden" aria-live="polite">
        {copied ? 'Join link copied' : ''}
      </p>
      {displayUrl ? (
        <a className="fac-btn" href={displayUrl} target="_blank" rel="noopener">
          Open the room display
        </a>
      ) : (
        <p className="fac-hint">The room display link is on the page where this room was created.</p>
      )}
    </section>
  );
}
