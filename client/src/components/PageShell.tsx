import type { ReactNode } from 'react';
import { useDocumentTitle } from '../hooks/use-document-title';
import '../styles/page-shell.css';

interface PageShellProps {
  title: string;
  /** Shown beside the brand, e.g. the room's title. */
  subtitle?: string;
  narrow?: boolean;
  children: ReactNode;
}

/** The frame of the home, join and member pages: a brand header and one main landmark. */
export function PageShell({ title, subtitle, narrow = false, children }: PageShellProps) {
  useDocumentTitle(title);
  return (
    <div className="shell">
      <header className="shell-header">
        <a className="shell-brand" href="/">
          <span className="shell-mark" aria-hidden="true" />
          Circlekeeper
        </a>
        {subtitle !== undefined && <span className="shell-subtitle">{subtitle}</span>}
      </header>
      <main className={narrow ? 'shell-main shell-main-narrow' : 'shell-main'}>{children}</main>
    </div>
  );
}
