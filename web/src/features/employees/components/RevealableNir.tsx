import { useEffect, useRef, useState } from 'react';
import { IconEye, IconEyeOff } from '../../../shared/components/icons';
import { revealNir } from '../api/reveal-nir';
import { fullName } from '../lib/beneficiaries';
import { errorMessage } from './feedback';

/** How long a revealed number stays on screen before it is masked again. */
export const NIR_VISIBLE_MS = 30_000;

interface RevealableNirProps {
  companyId: string;
  employee: { employeeId: string; maskedNir: string; firstName: string; lastName: string };
}

/**
 * The masked NIR, and "Afficher" to see it whole: each reveal is an explicit, journaled
 * request; the number is kept in this component only and masked again after 30 seconds.
 */
export function RevealableNir({ companyId, employee }: RevealableNirProps) {
  const [nir, setNir] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const running = useRef(false);

  useEffect(() => {
    if (!nir) return;
    const timer = window.setTimeout(() => {
      setNir(null);
      setStatus('Numéro de sécurité sociale masqué à nouveau.');
    }, NIR_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [nir]);

  const toggle = async () => {
    if (nir) {
      setNir(null);
      setStatus('Numéro de sécurité sociale masqué.');
      return;
    }
    if (running.current) return;
    running.current = true;
    setPending(true);
    setError(null);
    try {
      const revealed = await revealNir({ companyId, employeeId: employee.employeeId });
      setNir(revealed.nir);
      setStatus('Numéro de sécurité sociale affiché pendant 30 secondes.');
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      running.current = false;
      setPending(false);
    }
  };

  const who = fullName(employee);
  return (
    <span className="emp-nir">
      {nir ? (
        <span className="emp-nir__value emp-nir__value--shown">{nir}</span>
      ) : (
        <span className="emp-nir__value">
          <span aria-hidden="true">{employee.maskedNir}</span>
          <span className="visually-hidden">
            {employee.maskedNir.replace(/•+/g, '…')} (partiellement masqué)
          </span>
        </span>
      )}
      <button
        type="button"
        className="emp-link-button"
        aria-disabled={pending || undefined}
        onClick={() => void toggle()}
      >
        {nir ? <IconEyeOff /> : <IconEye />}
        {nir ? 'Masquer' : 'Afficher'}
        <span className="visually-hidden"> le numéro de sécurité sociale de {who}</span>
      </button>
      <span className="visually-hidden" role="status">
        {status}
      </span>
      {error ? (
        <span className="emp-inline-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
