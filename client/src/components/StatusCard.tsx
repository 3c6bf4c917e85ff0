import type { ReactNode } from 'react';

interface StatusCardProps {
  heading: string;
  tone?: 'info' | 'error';
  children?: ReactNode;
}

/** A whole-page state: loading, not found, removed, ended. Announced politely when it appears. */
export function StatusCard({ heading, tone = 'info', children }: StatusCardProps) {
  return (
    <section
      className={tone === 'error' ? 'card status-card status-card-error' : 'card status-card'}
      aria-live="polite"
    >
      <h1>{heading}</h1>
      {children}
    </section>
  );
}
