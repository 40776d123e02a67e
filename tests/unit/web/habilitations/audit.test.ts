import { describe, expect, it } from 'vitest';
import {
  actionLabel,
  cleanFilters,
  describeChanges,
  periodError,
} from '../../../../web/src/features/habilitations/lib/audit';

describe('the journal of changes, in words', () => {
  it('names every action the API records, and keeps an unknown one as recorded', () => {
    expect(actionLabel('user.invited')).toBe('Invitation d’un utilisateur');
    expect(actionLabel('user.deactivated')).toBe('Désactivation');
    expect(actionLabel('contact.message-sent')).toBe('Message envoyé à nos équipes');
    expect(actionLabel('something.new')).toBe('something.new');
  });

  it('describes a change of profile or status from before to after', () => {
    expect(describeChanges({ role: { from: 'user', to: 'admin' } })).toEqual([
      'Profil : Utilisateur → Administrateur',
    ]);
    expect(describeChanges({ status: { from: 'active', to: 'revoked' } })).toEqual([
      'Statut : Actif → Désactivé définitivement',
    ]);
    expect(describeChanges({ role: { from: null, to: 'admin' } })).toEqual(['Profil : Administrateur']);
  });

  it('describes a granted profile, names and the facts other features record', () => {
    expect(describeChanges({ role: 'user' })).toEqual(['Profil : Utilisateur']);
    expect(
      describeChanges({ civilite: { from: 'M', to: 'MME' }, firstName: { from: 'Paul', to: 'Pauline' } }),
    ).toEqual(['Civilité : Monsieur → Madame', 'Prénom : Paul → Pauline']);
    expect(describeChanges({ motif: 'salaries_documents', attachments: 2 })).toEqual([
      'Motif : Gérer mes salariés › Transmettre des documents pour mon salarié',
      'Pièces jointes : 2',
    ]);
    expect(describeChanges({ endDate: '2026-03-31', reason: 'demission', portabiliteMonths: 6 })).toEqual([
      'Date de fin : 31/03/2026',
      'Motif de radiation : Démission',
      'Portabilité : 6 mois',
    ]);
    expect(describeChanges({})).toEqual([]);
  });

  it('sends only the filters that are set, and refuses a period that ends before it starts', () => {
    expect(cleanFilters({ actorId: '', action: 'user.invited', from: '', to: '2026-01-31' })).toEqual({
      action: 'user.invited',
      to: '2026-01-31',
    });
    expect(periodError('2026-02-01', '2026-01-31')).toBe('La date de début doit précéder la date de fin.');
    expect(periodError('2026-01-01', '2026-01-31')).toBeUndefined();
    expect(periodError('2026-01-01', undefined)).toBeUndefined();
  });
});
