import { describe, expect, it } from 'vitest';
import { analyse, foldText, smallTalkOf, stem } from '../../../functions/domain/chatbot/french-text';

describe('French text analysis of the assistant', () => {
  it('folds case, accents, ligatures and typographic apostrophes', () => {
    expect(foldText('Œuvre À Noël, ÉTABLISSEMENT l’accès')).toBe("oeuvre a noel, etablissement l'acces");
    expect(analyse('Télétransmission NOÉMIE')).toEqual(analyse('teletransmission noemie'));
  });

  it('removes elisions, with or without the apostrophe', () => {
    expect(analyse("l'identifiant d'entreprise")).toEqual(['identifiant', 'entreprise']);
    expect(analyse('l’identifiant')).toEqual(['identifiant']);
    expect(analyse("qu'est-ce que l'activation")).toEqual(['definition', 'activation']);
    expect(analyse("jusqu'à l'échéance")).toEqual(['echeance']);
    // Typed without the apostrophe: retried without the article when the knowledge base knows the word.
    const vocabulary = new Set(['identifiant', 'activation']);
    expect(analyse('lidentifiant', { vocabulary })).toEqual(['identifiant']);
    expect(analyse('dactivation', { vocabulary })).toEqual(['activation']);
    expect(analyse('jai', { vocabulary })).toEqual([]);
  });

  it('reduces plurals and feminine forms', () => {
    expect(stem('contrats')).toBe('contrat');
    expect(stem('principaux')).toBe('principal');
    expect(stem('administratrice')).toBe('administrateur');
    expect(stem('professionnelle')).toBe('professionnel');
    expect(stem('definitive')).toBe('definitif');
    expect(stem('envoyee')).toBe('envoye');
    expect(analyse('les anomalies')).toEqual(analyse("l'anomalie"));
    expect(analyse('salariées')).toEqual(analyse('salarié'));
    // Words whose final s is not a plural stay whole.
    expect(analyse('3 mois, 10 SMS')).toEqual(['3', 'mois', '10', 'sms']);
  });

  it('maps texting, abbreviations, slang and frequent typos to one term', () => {
    expect(analyse('mdp')).toEqual(analyse('mot de passe'));
    expect(analyse('mot de pass')).toEqual(analyse('mots de passe'));
    expect(analyse('texto')).toEqual(analyse('SMS'));
    expect(analyse('pb de mail')).toEqual(analyse('problème e-mail'));
    expect(analyse('recu')).toEqual(analyse('reçu'));
    expect(analyse('2FA')).toEqual(analyse('double authentification'));
    expect(analyse('num de secu')).toEqual(analyse('numéro de sécurité sociale'));
    expect(analyse('pré-affiliation')).toEqual(analyse('pre affilier'));
    expect(analyse('radié')).toEqual(analyse('radiation'));
    expect(analyse('c koi la portabilité')).toEqual(analyse("c'est quoi la portabilite"));
  });

  it('keeps the topic of "j’ai pas reçu" and drops the rest', () => {
    expect(analyse("j'ai pas reçu le code sms")).toEqual(['recevoir', 'code', 'sms']);
    expect(analyse('jai pas recu le code sms')).toEqual(['recevoir', 'code', 'sms']);
    expect(analyse('g pas recu le code sms')).toEqual(['recevoir', 'code', 'sms']);
  });

  it('reads "n’arrive pas" as "not received" after a thing and as noise after "je"', () => {
    expect(analyse("le SMS n'arrive pas")).toEqual(['sms', 'recevoir']);
    expect(analyse("je n'arrive pas à me connecter")).toEqual(['connexion']);
  });

  it('turns "pas de …" into an absence', () => {
    expect(analyse("il n'a pas d'adresse mail")).toEqual(['sans', 'adresse', 'email']);
  });

  it('recognises politeness only when it is all there is', () => {
    expect(smallTalkOf('Bonjour !')).toBe('greeting');
    expect(smallTalkOf('merci beaucoup')).toBe('thanks');
    expect(smallTalkOf('au revoir')).toBe('goodbye');
    expect(smallTalkOf('comment activer')).toBeNull();
    expect(analyse('bonjour merci svp')).toEqual([]);
  });

  it('never trips over odd input', () => {
    for (const input of [
      '',
      '   ',
      '???',
      'constructor',
      '__proto__ toString',
      '💡🙂',
      'a'.repeat(500),
      "''''",
    ]) {
      expect(() => analyse(input, { vocabulary: new Set(['x']) })).not.toThrow();
    }
    expect(analyse('constructor')).toEqual(['constructor']);
  });
});
