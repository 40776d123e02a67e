/**
 * The French sentence for every error the API can return, by code or by precise reason.
 * Shared with the SPA so that both say the same thing.
 */
export const errorMessages: Record<string, string> = {
  // Generic, by code.
  NOT_FOUND: "L'élément demandé est introuvable.",
  CONFLICT: 'Cette opération a déjà été effectuée ou entre en conflit avec une autre.',
  VERSION_CONFLICT: "Ces informations ont été modifiées entre-temps par quelqu'un d'autre. Rechargez la page puis recommencez.",
  UNPROCESSABLE: 'Cette demande ne peut pas être traitée.',
  FORBIDDEN: "Vous n'avez pas les droits nécessaires pour cette action.",
  UNAUTHENTICATED: 'Votre session a expiré. Veuillez vous reconnecter.',
  RATE_LIMITED: 'Trop de tentatives. Veuillez patienter quelques minutes avant de réessayer.',
  DEPENDENCY_UNAVAILABLE: 'Le service est momentanément indisponible. Réessayez dans quelques instants.',
  // Edge (HTTP) errors.
  VALIDATION_FAILED: 'Certaines informations sont manquantes ou invalides.',
  INVALID_JSON: "Le contenu de la requête n'est pas un JSON valide.",
  UNSUPPORTED_MEDIA_TYPE: 'Le contenu de la requête doit être au format JSON (application/json).',
  PAYLOAD_TOO_LARGE: 'La requête est trop volumineuse.',
  CSRF_REJECTED: "Requête refusée : elle ne provient pas de l'Espace Entreprise Santé.",
  ORIGIN_REJECTED: 'Accès direct refusé.',
  ROUTE_NOT_FOUND: "Cette adresse de l'API n'existe pas.",
  METHOD_NOT_ALLOWED: "Cette méthode n'est pas autorisée pour cette adresse.",
  INTERNAL: 'Une erreur inattendue est survenue. Réessayez dans quelques instants.',
};

export const messageFor = (codeOrReason: string, fallbackCode = 'INTERNAL'): string =>
  errorMessages[codeOrReason] ?? errorMessages[fallbackCode] ?? errorMessages.INTERNAL!;
