import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Section } from '../../../shared/sections';

interface SectionTileProps {
  title: string;
  section: Section;
  icon: ReactNode;
  /** Shortcuts to the section's sub-pages. */
  links?: readonly Section[];
  note?: string;
}

/** A home-page entry to one section; the whole card is clickable through its title link. */
export function SectionTile({ title, section, icon, links, note }: SectionTileProps) {
  return (
    <li className="tile">
      <span className="tile__icon">{icon}</span>
      <h3 className="tile__title">
        <Link to={section.path} className="tile__link">
          {title}
        </Link>
      </h3>
      <p className="tile__summary">{section.summary}</p>
      {note ? <p className="tile__note">{note}</p> : null}
      {links?.length ? (
        <ul className="tile__shortcuts" aria-label={`Accès directs : ${title}`}>
          {links.map((link) => (
            <li key={link.path}>
              <Link to={link.path}>{link.navLabel}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
