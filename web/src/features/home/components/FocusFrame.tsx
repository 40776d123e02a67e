import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { IconArrowRight } from '../../../shared/components/icons';
import { FOCUS_ROWS, homeCopy } from '../copy';
import type { FocusCounter } from '../lib/focus';

/**
 * The frame of the focus's cards, shared by the loading skeleton and the answer: every row,
 * note and link has a fixed height, so nothing moves when the numbers arrive.
 */
export function FocusCard({
  title,
  children,
  note,
  action,
}: {
  title: string;
  children: ReactNode;
  note: ReactNode;
  action: ReactNode;
}) {
  return (
    <div className="card focus-card">
      <h3 className="card__title focus-card__title">{title}</h3>
      {children}
      <p className="focus-card__note">{note}</p>
      <p className="focus-card__action">{action}</p>
    </div>
  );
}

/** "demande" or "demandes": French takes the singular for 0 and 1. */
const unitOf = ({ count, unit }: FocusCounter) => (Math.abs(count) < 2 ? unit[0] : unit[1]);

/** The counters of a card, each a link to the list it counts ("Envoyé à l'employé — 3"). */
export function CounterList({ counters }: { counters: readonly FocusCounter[] }) {
  return (
    <ul className="focus-counters">
      {counters.map((counter) => (
        <li key={counter.id}>
          <Link
            to={counter.to}
            className={counter.count > 0 ? 'focus-counter' : 'focus-counter focus-counter--zero'}
          >
            <span className="focus-counter__label">{counter.label}</span>
            <span className="focus-counter__count">
              {counter.count}
              <span className="visually-hidden"> {unitOf(counter)}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A link at the foot of a card. */
export function CardLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="arrow-link">
      {children}
      <IconArrowRight />
    </Link>
  );
}

function SkeletonRows({ rows }: { rows: number }) {
  return (
    <ul className="focus-counters" aria-hidden="true">
      {Array.from({ length: rows }, (_, index) => (
        <li key={index}>
          <span className="focus-counter focus-counter--skeleton">
            <span className="skeleton skeleton--label" />
            <span className="skeleton skeleton--count" />
          </span>
        </li>
      ))}
    </ul>
  );
}

const SkeletonLine = () => <span className="skeleton skeleton--line" aria-hidden="true" />;

/** While the counters load (code or data): the cards' exact shape, greyed, and one status message. */
export function FocusSkeleton() {
  return (
    <div className="focus__grid" aria-busy="true">
      <p className="visually-hidden" role="status">
        {homeCopy.loading}
      </p>
      <FocusCard title={homeCopy.requestsTitle} note={<SkeletonLine />} action={<SkeletonLine />}>
        <SkeletonRows rows={FOCUS_ROWS.requests} />
      </FocusCard>
      <FocusCard title={homeCopy.anomaliesTitle} note={<SkeletonLine />} action={<SkeletonLine />}>
        <SkeletonRows rows={FOCUS_ROWS.anomalies} />
      </FocusCard>
      <FocusCard title={homeCopy.dispensesTitle} note={<SkeletonLine />} action={<SkeletonLine />}>
        <SkeletonRows rows={FOCUS_ROWS.dispenses} />
      </FocusCard>
    </div>
  );
}
