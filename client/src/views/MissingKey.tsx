import { PageShell } from '../components/PageShell';
import { StatusCard } from '../components/StatusCard';

/** A dashboard or display link opened without its key (e.g. typed by hand, or in a new tab). */
export function MissingKey({ face, code }: { face: 'dashboard' | 'display'; code: string }) {
  return (
    <PageShell title={`No key for room ${code}`} narrow>
      <StatusCard heading={`This ${face} link has no key`} tone="error">
        <p>
          Open the {face} with the full link you got when the room was created: its key is the part after “#”.
          Members join at <a href={`/j/${code}`}>/j/{code}</a> instead.
        </p>
      </StatusCard>
    </PageShell>
  );
}
