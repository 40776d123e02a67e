import './forms.css';

interface StepIndicatorProps {
  steps: readonly string[];
  /** 1-based. */
  current: number;
  label: string;
}

/** "Étape 2 sur 3" with the names of the steps; the current one is marked for assistive technologies. */
export function StepIndicator({ steps, current, label }: StepIndicatorProps) {
  return (
    <ol className="steps" aria-label={label}>
      {steps.map((name, index) => {
        const number = index + 1;
        const state = number < current ? 'is-done' : number === current ? 'is-current' : '';
        return (
          <li
            key={name}
            className={`steps__item ${state}`}
            aria-current={number === current ? 'step' : undefined}
          >
            <span className="steps__number" aria-hidden="true">
              {number}
            </span>
            <span className="steps__name">
              {name}
              {number < current ? <span className="visually-hidden"> (terminée)</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
