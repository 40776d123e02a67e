import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../shared/session/me';
import { sessionNotice, type LoginLocationState } from '../shared/session/session-notice';
import { loginPath } from '../shared/session/suite';
import { PageLoading } from './layout/AppLayout';

/**
 * Every page but the public ones sits below this route. Until the session is known nothing
 * of the page renders (so nothing of the page is fetched or shown); without one, the login
 * page takes over and brings the user back here afterwards.
 */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();

  if (me.data) return <Outlet />;
  if (me.data === null) {
    const notice = sessionNotice();
    const state: LoginLocationState = notice ? { notice } : {};
    // After a deliberate logout, coming back to the same page is not what the user wants.
    const target =
      notice === 'logged-out' ? '/connexion' : loginPath(`${location.pathname}${location.search}`);
    return <Navigate to={target} replace state={state} />;
  }
  if (me.isError) return <SessionCheckFailed message={me.error.message} onRetry={() => void me.refetch()} />;
  return <PageLoading />;
}

function SessionCheckFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="page" role="alert">
      <div className="page__header">
        <h1 className="page__title">Connexion au service impossible</h1>
        <p className="page__lead">{message}</p>
      </div>
      <p className="button-row">
        <button type="button" className="button" onClick={onRetry}>
          Réessayer
        </button>
      </p>
    </div>
  );
}
