import { HELP_LINE } from '../help';
import { IconPhone } from './icons';

/** "Besoin d'aide ?" contact sentence with a callable number. */
export function HelpLine({ className }: { className?: string }) {
  return (
    <p className={className ? `help-line ${className}` : 'help-line'}>
      Nos conseillers vous accompagnent {HELP_LINE.hours} sur votre ligne dédiée{'\u00a0'}:{' '}
      <a className="help-line__number" href={HELP_LINE.href}>
        <IconPhone className="help-line__icon" />
        {HELP_LINE.display}
      </a>{' '}
      <span className="help-line__pricing">({HELP_LINE.pricing})</span>
    </p>
  );
}
