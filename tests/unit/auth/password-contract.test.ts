import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newPassword } from '../../../functions/contracts/auth';
import { passwordProblem } from '../../../functions/domain/password-policy';

const emoji = (n: number) =>
  Array.from({ length: n }, (_, i) => String.fromCodePoint(0x1f600 + ((i * 7) % 64))).join('');

describe('new password form check', () => {
  it.each([
    [11, false],
    [12, true],
    [128, true],
    [129, false],
  ])('counts %i emoji as that many characters (accepted: %s)', (count, accepted) => {
    expect(newPassword.safeParse(emoji(count)).success).toBe(accepted);
  });

  it('agrees with the password policy on the length limits, for any text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 140, unit: 'binary' }), (password) => {
        const problem = passwordProblem(password, () => false);
        const lengthOk = problem !== 'too_short' && problem !== 'too_long';
        return newPassword.safeParse(password).success === lengthOk;
      }),
      { numRuns: 500 },
    );
  });
});
