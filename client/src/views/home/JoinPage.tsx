import { PageShell } from '../../components/PageShell';
import { JoinByCode } from './JoinByCode';

/** `/j`: the short address people type when they cannot scan the QR code. */
export function JoinPage() {
  return (
    <PageShell title="Join a room" narrow>
      <JoinByCode headingLevel={1} />
    </PageShell>
  );
}
