import { useState } from 'react';
import type { CreateRoomResponse } from '../../../../shared/http';
import { PageShell } from '../../components/PageShell';
import { CreateRoomForm } from './CreateRoomForm';
import { JoinByCode } from './JoinByCode';
import { RoomCreated } from './RoomCreated';
import '../../styles/home.css';

/** The start page: create a room, or join one with a code. */
export function HomePage() {
  const [room, setRoom] = useState<CreateRoomResponse | null>(null);
  if (room !== null) {
    return (
      <PageShell title={`Room ${room.code}`}>
        <RoomCreated room={room} />
      </PageShell>
    );
  }
  return (
    <PageShell title="">
      <section className="home-intro" aria-labelledby="home-heading">
        <h1 id="home-heading">A calm space for every voice</h1>
        <p className="home-lead">
          Circlekeeper holds the talking piece, keeps time gently and runs check-in rounds, so you can give
          your attention to the people in the circle.
        </p>
      </section>
      <div className="home-grid">
        <CreateRoomForm onCreated={setRoom} />
        <JoinByCode />
      </div>
    </PageShell>
  );
}
