import type { ConnectionStatus } from '../../socket/use-room';

interface DisplayMessageProps {
  heading: string;
  detail?: string;
  status?: ConnectionStatus;
}

/** A whole-screen message on the projector: connecting, refused, ended. */
export function DisplayMessage({ heading, detail, status }: DisplayMessageProps) {
  return (
    <main
      className="display display-message"
      aria-busy={status === 'connecting' || status === 'reconnecting'}
    >
      <h1>{heading}</h1>
      {detail !== undefined && <p>{detail}</p>}
    </main>
  );
}
