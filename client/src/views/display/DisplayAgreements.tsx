/** How much there is to read: long lists get smaller type so that they still fit one screen. */
function density(agreements: string[]): 'short' | 'long' | 'longest' {
  const chars = agreements.reduce((sum, a) => sum + a.length, 0);
  if (agreements.length > 8 || chars > 700) return 'longest';
  if (agreements.length > 5 || chars > 320) return 'long';
  return 'short';
}

/** The group's agreements, read out together during the opening. */
export function DisplayAgreements({
  agreements,
  variant,
}: {
  agreements: string[];
  variant: 'main' | 'aside';
}) {
  if (agreements.length === 0) return null;
  return (
    <section
      className={`display-agreements-block display-agreements-${variant} display-agreements-${density(agreements)}`}
      aria-labelledby="agreements-heading"
    >
      <h2 id="agreements-heading" className="display-agreements-heading">
        Our agreements
      </h2>
      <ol className="display-agreements">
        {agreements.map((agreement) => (
          <li key={agreement}>{agreement}</li>
        ))}
      </ol>
    </section>
  );
}
