/** The assistant's own words (its answers come from the knowledge base, through the API). */
export const chatbotCopy = {
  welcome:
    'Bonjour ! Je réponds à vos questions sur l’Espace Entreprise Santé : activation, connexion et code SMS, mot de passe, utilisateurs, salariés et régime HCR Bien-Être.',
  privacyHint: 'Ne saisissez jamais de numéro de sécurité sociale ni de coordonnées bancaires.',
  emptyQuestion: 'Posez votre question.',
  /** Prompts of the knowledge base, so that each one gets its exact answer. */
  startersVisitor: [
    'Comment activer mon espace entreprise ?',
    'Comment retrouver mon identifiant entreprise ?',
    'Je n’ai pas reçu le code SMS, que faire ?',
    'J’ai oublié mon mot de passe, que faire ?',
  ],
  startersSignedIn: [
    'Comment ajouter un utilisateur ?',
    'Comment affilier un nouveau salarié ?',
    'Comment radier un salarié ?',
    'Quels documents puis-je télécharger ?',
  ],
} as const;
