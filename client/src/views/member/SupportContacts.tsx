import type { Resource } from '../../../../shared/room-texts';

/** Support contacts the facilitator listed (a crisis line, the organiser): always one tap away. */
export function SupportContacts({ resources }: { resources: Resource[] }) {
  if (resources.length === 0) return null;
  return (
    <details className="card support">
      <summary>Support contacts</summary>
      <ul>
        {resources.map((resource) => (
          <li key={`${resource.label}|${resource.contact}`}>
            <strong>{resource.label}</strong>: {resource.contact}
          </li>
        ))}
      </ul>
    </details>
  );
}
