import { useState } from 'react';
import type { CreateRoomResponse } from '../../../../shared/http';
import { QrCode } from '../../components/QrCode';

/** After creating a room: what members scan or type, the projector's window, and the dashboard. */
export function RoomCreated({ room }: { room: CreateRoomResponse }) {
  const [copied, setCopied] = useState(false);
  const { member, display, facilitator } = room.urls;

  const copyMemberLink = async () => {
    try {
      await navigator.clipboard.writeText(member);
      setCopied(true);
    } catch {
      setCopied(false); // clipboard refused: the link is on screen to copy by hand
    }
  };

  return (
    <section className="room-created" aria-labelledby="created-heading">
      <h1 id="created-heading">Your room is ready</h1>
      <div className="created-grid">
        <div className="card created-members">
          <h2>For members</h2>
          <p>Scan with a phone camera, or go to the link and enter the code.</p>
          <QrCode text={member} label={`QR code for the member link of room ${room.code}`} />
          <p className="room-code">
            <span className="visually-hidden">Room code </span>
            {room.code}
          </p>
          <p className="created-link">
            <a href={member} target="_blank" rel="noopener">
              {member}
            </a>
          </p>
          <button type="button" className="btn btn-block" onClick={() => void copyMemberLink()}>
            Copy the member link
          </button>
          <p role="status" className="created-copied">
            {copied ? 'Member link copied.' : ''}
          </p>
        </div>
        <div className="card created-host">
          <h2>For you</h2>
          <p>The dashboard lets you run the circle: rounds, the talking piece, the timer.</p>
          <a className="btn btn-primary btn-block btn-large" href={facilitator}>
            Open the facilitator dashboard
          </a>
          <p>The display shows the speaker and the timer on a projector or a shared screen.</p>
          <button
            type="button"
            className="btn btn-block btn-large"
            onClick={() =>
              window.open(display, 'circlekeeper-display', 'noopener,popup,width=1280,height=720')
            }
          >
            Open the display in a new window
          </button>
          <p className="notice">
            Keep the dashboard and display links private: they carry the room&rsquo;s keys. Only the member
            link is for sharing.
          </p>
        </div>
      </div>
    </section>
  );
}
