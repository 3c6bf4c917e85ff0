import { PageShell } from '../components/PageShell';
import { StatusCard } from '../components/StatusCard';

export function NotFoundPage() {
  return (
    <PageShell title="Page not found" narrow>
      <StatusCard heading="Page not found" tone="error">
        <p>
          This address is not a page of Circlekeeper. <a href="/">Go to the start page</a>.
        </p>
      </StatusCard>
    </PageShell>
  );
}
