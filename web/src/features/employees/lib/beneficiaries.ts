export interface BeneficiaryView {
  kind: 'conjoint' | 'enfant';
  firstName: string;
  lastName: string;
  birthDate: string;
}

export const childrenOf = <B extends BeneficiaryView>(beneficiaries: readonly B[]): B[] =>
  beneficiaries.filter((beneficiary) => beneficiary.kind === 'enfant');

export const hasConjoint = (beneficiaries: readonly BeneficiaryView[]): boolean =>
  beneficiaries.some((beneficiary) => beneficiary.kind === 'conjoint');

/** "Jean Dupont": how a person is named in buttons and messages. */
export const fullName = (person: { firstName: string; lastName: string }) =>
  `${person.firstName} ${person.lastName}`.trim();

/** What radiating takes away besides the employee: "son conjoint et ses 2 enfants". */
export function dependantsPhrase(beneficiaries: readonly BeneficiaryView[]): string | null {
  const children = childrenOf(beneficiaries).length;
  const parts: string[] = [];
  if (hasConjoint(beneficiaries)) parts.push('son conjoint');
  if (children === 1) parts.push('son enfant');
  if (children > 1) parts.push(`ses ${children} enfants`);
  if (parts.length === 0) return null;
  return parts.join(' et ');
}
