import { useEffect, useRef, useState } from 'react';
import { Page } from '../../../shared/components/Page';
import { IconShield } from '../../../shared/components/icons';
import { sections } from '../../../shared/sections';
import { useCompanies } from '../../../shared/session/company';
import { useMe, type MeCompany } from '../../../shared/session/me';
import { AuditJournal } from '../components/AuditJournal';
import { InviteUserForm } from '../components/InviteUserForm';
import { UsersSection } from '../components/UsersSection';
import { habilitationsCopy } from '../copy';
import '../habilitations.css';

/**
 * "Gestion des habilitations": the users of the selected company and their access, adding a
 * user, and the journal of changes. Administrators only (the API answers 403 to others).
 */
export function HabilitationsPage() {
  const { current, companies } = useCompanies();
  const me = useMe().data;

  let content;
  if (!current || !me) {
    content = null;
  } else if (current.role !== 'admin') {
    content = <AdminOnly company={current} />;
  } else {
    content = (
      // Another company selected in the header: a fresh page, nothing of the previous one kept.
      <Habilitations
        key={current.companyId}
        company={current}
        administered={companies.filter((company) => company.role === 'admin')}
        myUserId={me.userId}
      />
    );
  }
  return (
    <Page title={sections.habilitations.title} lead={sections.habilitations.summary}>
      {content}
    </Page>
  );
}

function AdminOnly({ company }: { company: MeCompany }) {
  return (
    <div className="notice hab-admin-only" role="note">
      <IconShield className="notice__icon" />
      <div className="notice__body">
        <p>
          <strong>{habilitationsCopy.adminOnlyTitle}.</strong> {habilitationsCopy.adminOnly(company.name)}
        </p>
      </div>
    </div>
  );
}

function Habilitations({
  company,
  administered,
  myUserId,
}: {
  company: MeCompany;
  administered: readonly MeCompany[];
  myUserId: string;
}) {
  const [inviting, setInviting] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const inviteHeadingRef = useRef<HTMLHeadingElement>(null);

  // The form's heading takes the focus when it opens: the next Tab is its first field.
  useEffect(() => {
    if (inviting) inviteHeadingRef.current?.focus();
  }, [inviting]);

  const closeInvite = () => {
    setInviting(false);
    window.requestAnimationFrame(() => openerRef.current?.focus());
  };

  return (
    <>
      <section aria-labelledby="utilisateurs-titre">
        <div className="hab-section-head">
          <h2 id="utilisateurs-titre">Utilisateurs de l’espace</h2>
          <button
            ref={openerRef}
            type="button"
            className="button"
            aria-expanded={inviting}
            aria-controls="ajout-utilisateur"
            onClick={() => (inviting ? closeInvite() : setInviting(true))}
          >
            {habilitationsCopy.inviteTitle}
          </button>
        </div>
        <div id="ajout-utilisateur" hidden={!inviting}>
          {inviting ? (
            <section className="form-card hab-invite" aria-labelledby="ajout-utilisateur-titre">
              <h3
                id="ajout-utilisateur-titre"
                ref={inviteHeadingRef}
                tabIndex={-1}
                className="hab-invite__title"
              >
                {habilitationsCopy.inviteTitle}
              </h3>
              <InviteUserForm
                company={company}
                administered={administered}
                headingId="ajout-utilisateur-titre"
                onClose={closeInvite}
              />
            </section>
          ) : null}
        </div>
        <UsersSection company={company} myUserId={myUserId} />
      </section>

      <section aria-labelledby="journal-titre">
        <h2 id="journal-titre">Journal des modifications</h2>
        <p className="hab-muted">
          Chaque modification des accès de l’entreprise {company.name} : qui l’a faite, quand, et ce qui a
          changé.
        </p>
        <AuditJournal companyId={company.companyId} />
      </section>
    </>
  );
}
