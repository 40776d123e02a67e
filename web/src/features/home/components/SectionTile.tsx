import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Section } from '../../../shared/sections';

interface SectionTileProps {
  section: Section;
  icon: ReactNode;
  /** The menu the section belongs to ("Mes salariés"), shown above its title. */
  group?: string;
  note?: string;
}

/** A home-page entry to one section; the whole card is clickable through its title link. */
export function SectionTile({ section, icon, group, note }: SectionTileProps) {
  return (
    <li className="tile">
      <span className="tile__icon">{icon}</span>
      {group ? <p className="tile__group">{group}</p> : null}
      <h3 className="tile__title">
        <Link to={section.path} className="tile__link">
          {section.title}
        </Link>
      </h3>
      <p className="tile__summary">{section.summary}</p>
      {note ? <p className="tile__note">{note}</p> : null}
    </li>
  );
}
