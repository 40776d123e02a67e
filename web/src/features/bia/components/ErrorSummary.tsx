import { useEffect, useRef } from 'react';
import { IconAlert } from '../../../shared/components/icons';
import type { SummaryItem } from '../lib/error-summary';
import { biaCopy as copy } from '../copy';

export interface BiaSummary {
  /** The server's sentence, or the form's own. */
  message: string;
  items: SummaryItem[];
  /** Messages the page has no field for. */
  details: string[];
}

interface ErrorSummaryProps {
  summary: BiaSummary | null;
  /** Takes the user to the field of a line. */
  onGoTo: (path: string) => void;
  /** "IBAN", "Enfant 1 — Prénom": what a line is about. */
  labelOf: (path: string) => string;
}

/**
 * The list of what stops the bulletin, at the top of the form: it takes the focus, each line
 * leads to its field (the same messages stand next to the fields).
 */
export function ErrorSummary({ summary, onGoTo, labelOf }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (summary) ref.current?.focus();
  }, [summary]);
  if (!summary) return null;
  return (
    <div
      ref={ref}
      className="form-alert bia-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby="bia-erreurs"
    >
      <IconAlert className="form-alert__icon" />
      <div className="form-alert__body">
        <h2 id="bia-erreurs" className="bia-summary__title">
          {copy.summaryTitle}
        </h2>
        <p>{summary.message}</p>
        {summary.items.length + summary.details.length > 0 ? (
          <ul>
            {summary.items.map((item) => (
              <li key={`${item.path}-${item.message}`}>
                <a
                  href={`#${item.path}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onGoTo(item.path);
                  }}
                >
                  {labelOf(item.path)} : {item.message}
                </a>
              </li>
            ))}
            {summary.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
