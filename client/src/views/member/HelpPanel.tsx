import { useEffect, useRef, useState } from 'react';
import type { Resource } from '../../../../shared/room-texts';
import { contactLink } from '../../state/contact-link';

export interface HelpTexts {
  resources: Resource[];
  disclaimer: string;
}

interface HelpButtonProps {
  help: HelpTexts;
  /** Inside the circle a member can also send the facilitator a private signal. */
  inCircle?: boolean;
}

/**
 * "Help" on every screen of the phone: the support contacts the facilitator listed (a crisis line,
 * the organiser), one tap to call, text, write or open them, and the room's note. A modal dialog,
 * so it reads the same with a screen reader and closes with Esc or the back gesture's Esc.
 */
export function HelpButton({ help, inCircle = false }: HelpButtonProps) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <>
      <button
        type="button"
        className="btn help-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        Help
      </button>
      <dialog
        ref={dialog}
        className="help-dialog"
        aria-labelledby="help-heading"
        onClose={() => setOpen(false)}
      >
        {open && <HelpContent help={help} inCircle={inCircle} />}
        <form method="dialog" className="help-close">
          <button type="submit" className="btn btn-primary btn-block">
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}

function HelpContent({ help, inCircle }: Required<HelpButtonProps>) {
  return (
    <div className="help-content">
      <h2 id="help-heading">Help and support</h2>
      <p className="help-urgent">If you are in danger right now, call your local emergency number.</p>
      {help.resources.length > 0 ? (
        <>
          <h3>Support contacts</h3>
          <ul className="help-resources">
            {help.resources.map((resource) => (
              <ResourceItem key={`${resource.label}|${resource.contact}`} resource={resource} />
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">The facilitator has not listed support contacts for this circle.</p>
      )}
      {help.disclaimer !== '' && (
        <>
          <h3>About this circle</h3>
          <p className="help-disclaimer">{help.disclaimer}</p>
        </>
      )}
      <p className="muted help-more">
        {inCircle
          ? 'You may step out at any time. To tell the facilitator privately, use “Send a private signal”.'
          : 'You may leave at any time by closing this page.'}
      </p>
    </div>
  );
}

function ResourceItem({ resource }: { resource: Resource }) {
  const link = contactLink(resource.contact);
  return (
    <li className="help-resource">
      <span className="help-resource-label">{resource.label}</span>
      {link === null ? (
        <span className="help-resource-contact">{resource.contact}</span>
      ) : (
        <a
          className="btn help-resource-link"
          href={link.href}
          {...(link.kind === 'web' ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
        >
          {link.label}
        </a>
      )}
    </li>
  );
}
