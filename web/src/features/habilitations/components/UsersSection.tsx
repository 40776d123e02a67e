import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../../../functions/contracts/auth';
import { MEMBERSHIP_STATUS_LABELS, type CompanyUser } from '../../../../../functions/contracts/users';
import { isApiError, messageForStatus } from '../../../shared/api';
import { formatCount } from '../../../shared/format';
import type { MeCompany } from '../../../shared/session/me';
import { ME_QUERY_KEY } from '../../../shared/session/me';
import {
  habilitationKeys,
  reactivateUser,
  resendInvitation,
  useCompanyUsers,
  type DeactivationMode,
} from '../api/users-api';
import {
  accountNote,
  availableActions,
  CIVILITE_SHORT,
  fullName,
  type UserAction,
} from '../lib/user-actions';
import { DeactivateDialog } from './DeactivateDialog';
import { EditUserDialog } from './EditUserDialog';
import { useReturnFocus } from '../../../shared/components/Modal';

type OpenDialog =
  { kind: 'edit'; user: CompanyUser } | { kind: 'deactivate'; user: CompanyUser; mode: DeactivationMode };

const ACTION_LABELS: Record<UserAction, string> = {
  edit: 'Modifier',
  resend: 'Renvoyer le lien',
  suspend: 'Désactiver temporairement',
  revoke: 'Désactiver définitivement',
  reactivate: 'Réactiver',
};

const rowOf = (userId: string) =>
  document.querySelector<HTMLElement>(`[data-user-row="${CSS.escape(userId)}"]`);

/** The company's users, what each can do here, and the actions on each access. */
export function UsersSection({ company, myUserId }: { company: MeCompany; myUserId: string }) {
  const queryClient = useQueryClient();
  const users = useCompanyUsers(company.companyId);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [busy, setBusy] = useState<{ userId: string; action: UserAction } | null>(null);
  const [feedback, setFeedback] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const focus = useReturnFocus();

  /** The list and the journal, read again (the journal records every change made here). */
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: habilitationKeys.company(company.companyId) });

  const closeDialog = (userId: string) => {
    setDialog(null);
    focus.restore(() => rowOf(userId));
  };

  const runDirect = async (user: CompanyUser, action: 'resend' | 'reactivate') => {
    if (busy) return;
    setBusy({ userId: user.userId, action });
    setFeedback(null);
    try {
      if (action === 'resend') {
        await resendInvitation(company.companyId, user.userId);
        setFeedback({
          kind: 'success',
          text: `Un nouveau lien de création du mot de passe a été envoyé à ${user.email}. Le précédent ne fonctionne plus.`,
        });
      } else {
        await reactivateUser(company.companyId, user.userId);
        setFeedback({ kind: 'success', text: `L’accès de ${fullName(user)} est réactivé.` });
      }
      await refresh();
    } catch (error) {
      setFeedback({ kind: 'error', text: isApiError(error) ? error.message : messageForStatus(500) });
    } finally {
      setBusy(null);
      // "Réactiver" is replaced by "Désactiver…" once done: the row keeps the focus then.
      focus.restore(() => rowOf(user.userId));
    }
  };

  const onAction = (user: CompanyUser, action: UserAction) => {
    focus.remember();
    switch (action) {
      case 'edit':
        setDialog({ kind: 'edit', user });
        break;
      case 'suspend':
        setDialog({ kind: 'deactivate', user, mode: 'temporary' });
        break;
      case 'revoke':
        setDialog({ kind: 'deactivate', user, mode: 'permanent' });
        break;
      case 'resend':
      case 'reactivate':
        void runDirect(user, action);
        break;
    }
  };

  if (users.isPending) {
    return (
      <p className="hab-muted" role="status">
        Chargement des utilisateurs…
      </p>
    );
  }
  if (users.isError) {
    return (
      <div className="hab-error" role="alert">
        <p>
          La liste des utilisateurs n’a pas pu être chargée :{' '}
          {isApiError(users.error) ? users.error.message : messageForStatus(500)}
        </p>
        <button type="button" className="button button--secondary" onClick={() => void users.refetch()}>
          Réessayer
        </button>
      </div>
    );
  }

  const items = users.data.items;
  return (
    <>
      <div
        className={feedback ? `hab-feedback hab-feedback--${feedback.kind}` : 'hab-feedback'}
        role="status"
      >
        {feedback?.kind === 'success' ? feedback.text : ''}
      </div>
      {feedback?.kind === 'error' ? (
        <p className="hab-error" role="alert">
          {feedback.text}
        </p>
      ) : null}
      <p className="hab-muted">{formatCount(items.length, 'utilisateur')} sur cette entreprise.</p>
      <div className="table-wrap">
        <table className="table table--stack hab-users">
          <caption className="visually-hidden">
            Utilisateurs de l’entreprise {company.name} : profil, statut de l’accès et actions
          </caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">E-mail</th>
              <th scope="col">Profil</th>
              <th scope="col">Statut</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {items.map((user) => {
              const isSelf = user.userId === myUserId;
              const actions = availableActions(user);
              const note = accountNote(user);
              return (
                <tr key={user.userId}>
                  <th scope="row" data-user-row={user.userId} tabIndex={-1} className="hab-users__name">
                    {CIVILITE_SHORT[user.civilite]} {fullName(user)}
                    {isSelf ? <span className="hab-users__self"> (vous)</span> : null}
                  </th>
                  <td data-label="E-mail" className="hab-users__email">
                    {user.email}
                  </td>
                  <td data-label="Profil">
                    <span className={`badge badge--${user.role}`}>{ROLE_LABELS[user.role]}</span>
                  </td>
                  <td data-label="Statut">
                    <span className={`hab-status hab-status--${user.membershipStatus}`}>
                      {MEMBERSHIP_STATUS_LABELS[user.membershipStatus]}
                    </span>
                    {note ? <span className="hab-users__note">{note}</span> : null}
                  </td>
                  <td data-label="Actions">
                    {actions.length === 0 ? (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">Aucune action possible</span>
                      </>
                    ) : (
                      <ul className="hab-actions">
                        {actions.map((action) => {
                          const running = busy?.userId === user.userId && busy.action === action;
                          return (
                            <li key={action}>
                              <button
                                type="button"
                                className={
                                  action === 'revoke' || action === 'suspend'
                                    ? 'hab-action hab-action--danger'
                                    : 'hab-action'
                                }
                                aria-disabled={busy ? true : undefined}
                                onClick={() => onAction(user, action)}
                              >
                                {running ? 'En cours…' : ACTION_LABELS[action]}
                                <span className="visually-hidden"> {fullName(user)}</span>
                              </button>
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {dialog?.kind === 'edit' ? (
        <EditUserDialog
          key={dialog.user.userId}
          companyId={company.companyId}
          companyName={company.name}
          user={dialog.user}
          isSelf={dialog.user.userId === myUserId}
          onStale={refresh}
          onDone={async (updated) => {
            const userId = dialog.user.userId;
            if (updated) {
              setFeedback({
                kind: 'success',
                text: `Les informations de ${fullName(updated)} sont enregistrées.`,
              });
              await refresh();
              // My own profile on this company may have changed: the header and the menus follow.
              if (userId === myUserId) void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
            }
            closeDialog(userId);
          }}
        />
      ) : null}
      {dialog?.kind === 'deactivate' ? (
        <DeactivateDialog
          key={`${dialog.user.userId}-${dialog.mode}`}
          companyId={company.companyId}
          companyName={company.name}
          user={dialog.user}
          mode={dialog.mode}
          isSelf={dialog.user.userId === myUserId}
          onDone={async (done) => {
            const { user, mode } = dialog;
            if (done) {
              setFeedback({
                kind: 'success',
                text: `L’accès de ${fullName(user)} est désactivé ${mode === 'temporary' ? 'temporairement' : 'définitivement'} ; ses sessions ont été fermées.`,
              });
              await refresh();
              if (user.userId === myUserId) void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
            }
            closeDialog(user.userId);
          }}
        />
      ) : null}
    </>
  );
}
