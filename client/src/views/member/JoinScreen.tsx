import { type FormEvent, useState } from 'react';
import { type ErrorCode, errorMessages } from '../../../../shared/errors';
import { NAME_MAX, NameSchema } from '../../../../shared/names';
import { PageShell } from '../../components/PageShell';
import { StatusCard } from '../../components/StatusCard';
import { useRoomInfo } from '../../hooks/use-room-info';
import { JoinByCode } from '../home/JoinByCode';

interface JoinScreenProps {
  code: string;
  name: string;
  onNameChange(name: string): void;
  /** Why the last attempt was refused, if it was. */
  error: ErrorCode | null;
  onJoin(name: string): void;
}

/** Refusals in the words a person joining needs; the rest come from the shared messages. */
const JOIN_MESSAGES: Partial<Record<ErrorCode, string>> = {
  bad_credentials: 'Your earlier place in this room has expired. Please join again with your name.',
  name_taken: 'Someone in the room already uses that name. Try adding an initial, like “Ana B”.',
};

export function JoinScreen({ code, name, onNameChange, error, onJoin }: JoinScreenProps) {
  const info = useRoomInfo(code);
  const [nameProblem, setNameProblem] = useState<string | null>(null);

  if (info === null) {
    return (
      <PageShell title="Join" narrow>
        <StatusCard heading="Looking for the room…" />
      </PageShell>
    );
  }
  if (!info.ok || error === 'room_not_found') {
    const notFound = !info.ok && info.code === 'room_not_found';
    return (
      <PageShell title={notFound ? 'Room not found' : 'Cannot join'} narrow>
        <StatusCard heading={notFound ? 'Room not found' : 'Cannot reach the room'} tone="error">
          <p>{info.ok ? errorMessages.room_not_found : info.message}</p>
        </StatusCard>
        <JoinByCode />
      </PageShell>
    );
  }
  if (info.value.status === 'ended') {
    return (
      <PageShell title="Circle ended" narrow>
        <StatusCard heading="This circle has ended" />
      </PageShell>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = NameSchema.safeParse(name);
    if (!parsed.success) {
      setNameProblem(parsed.error.issues[0]?.message ?? errorMessages.invalid_name);
      return;
    }
    setNameProblem(null);
    onJoin(parsed.data);
  };
  const problem = nameProblem ?? (error === null ? null : (JOIN_MESSAGES[error] ?? errorMessages[error]));

  return (
    <PageShell title={`Join ${info.value.title}`} narrow>
      <form className="card join-form" onSubmit={submit} noValidate>
        <h1>Join “{info.value.title}”</h1>
        <p className="muted">Room {info.value.code}</p>
        {info.value.locked && (
          <p className="notice notice-warn">The facilitator has locked this room for now.</p>
        )}
        <div className="field">
          <label htmlFor="member-name">Your name</label>
          <input
            id="member-name"
            name="name"
            autoComplete="nickname"
            maxLength={NAME_MAX}
            value={name}
            onChange={(event) => onNameChange(event.target.value)}
            aria-describedby={problem === null ? 'member-name-hint' : 'member-name-hint member-name-error'}
            aria-invalid={problem !== null}
          />
          <span className="field-hint" id="member-name-hint">
            The name others in the circle will see. A first name is enough.
          </span>
        </div>
        {problem !== null && (
          <p className="notice notice-error" id="member-name-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-large btn-block">
          Join
        </button>
      </form>
    </PageShell>
  );
}
