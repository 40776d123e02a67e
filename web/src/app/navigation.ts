import { sections, type Section } from '../shared/sections';

export interface NavLinkEntry {
  readonly kind: 'link';
  readonly section: Section;
}

export interface NavMenuGroup {
  /** Shown above the group's links, as in the guide's "Mes salariés" menu. */
  readonly label?: string;
  readonly links: readonly Section[];
}

export interface NavMenuEntry {
  readonly kind: 'menu';
  readonly id: string;
  readonly label: string;
  readonly groups: readonly NavMenuGroup[];
}

export type NavEntry = NavLinkEntry | NavMenuEntry;

const link = (section: Section): NavLinkEntry => ({ kind: 'link', section });

/** The main navigation, in the order of the user guide. */
export const mainNavigation: readonly NavEntry[] = [
  link(sections.home),
  link(sections.contracts),
  {
    kind: 'menu',
    id: 'salaries',
    label: 'Mes salariés',
    groups: [
      { label: 'Salariés', links: [sections.employees] },
      {
        label: 'Affiliations',
        links: [
          sections.preAffiliation,
          sections.affiliationTracking,
          sections.anomalies,
          sections.dispenses,
        ],
      },
      { label: 'Radiation', links: [sections.radiation] },
    ],
  },
  link(sections.documents),
  {
    kind: 'menu',
    id: 'habilitations',
    label: 'Mes habilitations',
    groups: [{ links: [sections.habilitations] }],
  },
  link(sections.contact),
  link(sections.profile),
];

export function menuContainsPath(menu: NavMenuEntry, pathname: string): boolean {
  const path = pathname.replace(/\/+$/, '') || '/';
  return menu.groups.some((group) => group.links.some((section) => section.path === path));
}
