/** The group's agreements, folded away but always at hand during the circle. */
export function AgreementsReminder({ agreements }: { agreements: string[] }) {
  if (agreements.length === 0) return null;
  return (
    <details className="card support">
      <summary>Our agreements</summary>
      <ol>
        {agreements.map((agreement) => (
          <li key={agreement}>{agreement}</li>
        ))}
      </ol>
    </details>
  );
}
