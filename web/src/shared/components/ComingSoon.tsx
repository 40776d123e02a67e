import type { ReactNode } from 'react';
import { IconClock } from './icons';

interface ComingSoonProps {
  /** What the section will let the user do, completing "Cette rubrique arrive bientôt : …". */
  children: ReactNode;
  /** The main things it will show or do, in the guide's words. */
  features?: readonly string[];
  /** What is coming, when it is part of a page rather than a whole section. */
  subject?: string;
}

/** Says plainly that a section is not available yet — never a mock-up with made-up data. */
export function ComingSoon({ children, features, subject = 'Cette rubrique' }: ComingSoonProps) {
  return (
    <div className="notice notice--soon" role="note">
      <IconClock className="notice__icon" />
      <div className="notice__body">
        <p>
          <strong>
            {subject} arrive bientôt{'\u00a0'}:
          </strong>{' '}
          {children}
        </p>
        {features?.length ? (
          <ul className="notice__list">
            {features.map((feature) => (
              <li key={feature}>{feature}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
