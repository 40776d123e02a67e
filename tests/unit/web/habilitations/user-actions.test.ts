import { describe, expect, it } from 'vitest';
import { accountNote, availableActions } from '../../../../web/src/features/habilitations/lib/user-actions';

describe('what an administrator can do with a user', () => {
  it('offers to resend the link only to someone who has not created a password yet', () => {
    expect(availableActions({ membershipStatus: 'active', accountStatus: 'invited' })).toEqual([
      'edit',
      'resend',
      'suspend',
      'revoke',
    ]);
    expect(availableActions({ membershipStatus: 'active', accountStatus: 'active' })).toEqual([
      'edit',
      'suspend',
      'revoke',
    ]);
  });

  it('offers to reactivate a temporary deactivation, and nothing after a permanent one', () => {
    expect(availableActions({ membershipStatus: 'suspended', accountStatus: 'active' })).toEqual([
      'edit',
      'reactivate',
      'revoke',
    ]);
    expect(availableActions({ membershipStatus: 'revoked', accountStatus: 'active' })).toEqual([]);
  });

  it('says when the account itself waits for the person', () => {
    expect(accountNote({ accountStatus: 'invited' })).toBe('Mot de passe pas encore créé');
    expect(accountNote({ accountStatus: 'pending_email' })).toBe('Adresse e-mail à confirmer');
    expect(accountNote({ accountStatus: 'active' })).toBeUndefined();
  });
});
