import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { NavLink, useLocation } from 'react-router';
import { IconChevronDown, IconClose, IconMenu } from '../../shared/components/icons';
import { mainNavigation, menuContainsPath, type NavMenuEntry } from '../navigation';

/**
 * Main navigation: plain links plus disclosure menus (not ARIA `menu` widgets — the WAI
 * disclosure pattern keeps Tab order and link semantics users expect on a website).
 * On small screens the whole list sits behind a "Menu" disclosure button.
 */
export function MainNav() {
  const { pathname } = useLocation();
  const [listOpen, setListOpen] = useState(false);
  const [openMenu, setOpenMenu] = useState<string | null>(null);
  const [shownPath, setShownPath] = useState(pathname);
  const navRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const listId = useId();

  // A new page closes whatever was open (set during render: no flash of the old state).
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setListOpen(false);
    setOpenMenu(null);
  }

  useEffect(() => {
    if (openMenu === null) return;
    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpenMenu(null);
    };
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    return () => document.removeEventListener('pointerdown', closeOnOutsidePointer);
  }, [openMenu]);

  // Also for a click on the current page's link, which changes no path.
  const closeAll = () => {
    setListOpen(false);
    setOpenMenu(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    if (openMenu !== null) {
      event.preventDefault();
      navRef.current?.querySelector<HTMLButtonElement>(`[data-menu-button="${openMenu}"]`)?.focus();
      setOpenMenu(null);
    } else if (listOpen) {
      event.preventDefault();
      setListOpen(false);
      toggleRef.current?.focus();
    }
  };

  return (
    <nav ref={navRef} className="main-nav" aria-label="Navigation principale" onKeyDown={onKeyDown}>
      <div className="container main-nav__inner">
        <button
          ref={toggleRef}
          type="button"
          className="main-nav__toggle"
          aria-expanded={listOpen}
          aria-controls={listId}
          onClick={() => setListOpen((open) => !open)}
        >
          {listOpen ? <IconClose /> : <IconMenu />}
          Menu
        </button>
        <ul id={listId} className={listOpen ? 'main-nav__list is-open' : 'main-nav__list'}>
          {mainNavigation.map((entry) =>
            entry.kind === 'link' ? (
              <li key={entry.section.path} className="main-nav__item">
                <NavLink to={entry.section.path} end className="main-nav__link" onClick={closeAll}>
                  {entry.section.navLabel}
                </NavLink>
              </li>
            ) : (
              <NavMenu
                key={entry.id}
                menu={entry}
                open={openMenu === entry.id}
                current={menuContainsPath(entry, pathname)}
                onToggle={() => setOpenMenu((id) => (id === entry.id ? null : entry.id))}
                onLeave={() => setOpenMenu((id) => (id === entry.id ? null : id))}
                onNavigate={closeAll}
              />
            ),
          )}
        </ul>
      </div>
    </nav>
  );
}

interface NavMenuProps {
  menu: NavMenuEntry;
  open: boolean;
  /** The current page is one of this menu's links. */
  current: boolean;
  onToggle: () => void;
  onLeave: () => void;
  onNavigate: () => void;
}

function NavMenu({ menu, open, current, onToggle, onLeave, onNavigate }: NavMenuProps) {
  const panelId = useId();

  // Tabbing past the last link closes the panel so it never hides the page. A null target
  // means a click on something that does not take focus: the outside-pointer handler decides.
  const onBlur = (event: FocusEvent<HTMLLIElement>) => {
    const next = event.relatedTarget;
    if (next instanceof Node && !event.currentTarget.contains(next)) onLeave();
  };

  return (
    <li className={`main-nav__item main-nav__item--menu${current ? ' is-current' : ''}`} onBlur={onBlur}>
      <button
        type="button"
        className="main-nav__link main-nav__menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        data-menu-button={menu.id}
        onClick={onToggle}
      >
        {menu.label}
        <IconChevronDown className="main-nav__chevron" />
      </button>
      <div id={panelId} className="main-nav__panel" hidden={!open}>
        {menu.groups.map((group, index) => {
          const labelId = `${panelId}-${index}`;
          return (
            <div key={group.label ?? index} className="main-nav__group">
              {group.label ? (
                <p id={labelId} className="main-nav__group-label">
                  {group.label}
                </p>
              ) : null}
              <ul className="main-nav__sublist" aria-labelledby={group.label ? labelId : undefined}>
                {group.links.map((section) => (
                  <li key={section.path}>
                    <NavLink to={section.path} end className="main-nav__sublink" onClick={onNavigate}>
                      {section.navLabel}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </li>
  );
}
