/**
 * French text analysis for the assistant: one pipeline for the knowledge base and for the
 * questions, so that both meet on the same terms. People type on phones, without accents,
 * with elisions, plurals, texting abbreviations and the portal's jargon spelled ten ways;
 * each step below removes one of those differences:
 *
 *   fold (case, accents, ligatures, apostrophes) → multi-word expressions → elisions →
 *   tokens → lexicon (abbreviations, slang, word families) → stop words → light stemming.
 *
 * Pure functions, no I/O.
 */

/** Lower case, accents folded (é → e, ç → c), ligatures split, every apostrophe as `'`. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[’‘`´ʼ′]/g, "'");
}

/**
 * Expressions that mean one thing but are written in several words (or the other way
 * round). Applied to folded text, before the elisions are removed, in this order: longer
 * expressions first, so that "numéro de sécurité sociale" is not cut into "sécurité sociale".
 */
/** [pattern, replacement, a substring the text must contain for the pattern to match at all]. */
const EXPRESSIONS: readonly (readonly [RegExp, string, string])[] = [
  [/\baujourd'hui\b/g, ' aujourdhui ', 'aujourd'],
  [/\bn\s*°/g, ' numero ', '°'],
  [/\b(?:numeros?|num|no)\s+(?:de\s+)?(?:securite\s+sociale|secu|ss)\b/g, ' nir ', 's'],
  [/\bnss\b/g, ' nir ', 'nss'],
  [/\bsecurite\s+sociale\b/g, ' securitesociale ', 'securite'],
  [/\bsecu\b/g, ' securitesociale ', 'secu'],
  [/\bcomplementaire\s+sante\s+solidaire\b/g, ' css ', 'solidaire'],
  [/\bcomplementaires?\s+sante\b/g, ' mutuelle ', 'complementaire'],
  [/\bmots?[\s-]+de[\s-]+pass?e?s?\b/g, ' motdepasse ', 'mot'],
  [/\bmots?\s+passe\b/g, ' motdepasse ', 'mot'],
  [/\be[\s-]mails?\b/g, ' email ', 'mail'],
  [
    /\bboites?\s+(?:aux\s+lettres\s+electronique|mail|email|e-mail|de\s+reception|mails)\b/g,
    ' email ',
    'boite',
  ],
  [/\b(?:spams?|courriers?\s+indesirables?|indesirables?)\b/g, ' spam ', ''],
  [/\bpre[\s-]?affili\w*/g, ' preaffiliation ', 'affili'],
  [/\bre[\s-]?affili\w*/g, ' reaffiliation ', 'affili'],
  [/\btiers[\s-]+declarants?\b/g, ' tiersdeclarant ', 'tiers'],
  [/\bexperts?[\s-]+comptables?\b/g, ' comptable ', 'expert'],
  [/\bnon[\s-]+cadres?\b/g, ' noncadre ', 'cadre'],
  [/\btele[\s-]+transmission\b/g, ' teletransmission ', 'transmission'],
  [/\bpieces?[\s-]+jointes?\b/g, ' piecejointe ', 'jointe'],
  [/\bbulletins?\s+(?:individuels?\s+)?(?:d'|de\s+)?(?:affiliation|adhesion)\b/g, ' bia ', 'bulletin'],
  [/\b(?:releve\s+d'identite\s+bancaire)\b/g, ' rib ', 'releve'],
  [/\bdouble[\s-]+(?:auth|authent|authentif)\b/g, ' double authentification ', 'double'],
  [/\b(?:2|deux)\s+facteurs?\b/g, ' double authentification ', 'facteur'],
  [/\bcarte\s+(?:bancaire|bleue|de\s+credit)\b/g, ' cartebancaire ', 'carte'],
  [/\bmettre\s+a\s+jour\b/g, ' modifier ', 'jour'],
  [/\ba\s+quoi\s+sert\b/g, ' definition ', 'sert'],
  [/\bsert\s+a\s+quoi\b/g, ' definition ', 'sert'],
  // "Je n'arrive pas à…" is "I can't" (noise); "le SMS n'arrive pas" is "not received".
  [/\b(?:je|j|on|tu|vous|nous)\s*'?\s*(?:n'\s*|ne\s+|n)?arriv(?:e|es|ons|ez)\b/g, ' ', 'arriv'],
  [/\b(?:n'\s*|ne\s+|n)?arrive(?:nt)?\s+(?:pas|jamais|toujours\s+pas)\b/g, ' recevoir ', 'arriv'],
  // "pas de mail", "pas d'adresse", "aucun SMS": an absence, as "sans" says it.
  [/\b(?:pas|aucune?)\s+(?:de\s+|d'\s*|d\s+)/g, ' sans ', ' d'],
  [/\baucune?\b/g, ' sans ', 'aucun'],
  [/\b(?:c'?\s*est|c)\s+(?:quoi|koi)\b/g, ' definition ', 'c'],
  [/\bqu'est[\s-]ce\s+qu(?:e\b|')/g, ' definition ', "qu'est"],
  [/\bca\s+veut\s+dire\b/g, ' definition ', 'veut'],
  [/\bsignifie\b/g, ' definition ', 'signifie'],
];

/** Elided articles and pronouns: l', d', j', m', t', s', c', n', qu', jusqu', lorsqu'… */
const ELISION = /\b(?:l|d|j|m|t|s|c|n|qu|jusqu|lorsqu|puisqu|presqu|quoiqu)'/g;

/**
 * Abbreviations, slang, frequent typos and word families, mapped to one canonical term (or
 * to several). Keys are folded; a key also catches its plural (the stemmer runs first when
 * the key itself is absent). Canonical terms are chosen so that the stemmer leaves them alone.
 */
const LEXICON: ReadonlyMap<string, string | readonly string[]> = new Map(
  Object.entries({
    // Passwords, codes, messages.
    mdp: 'motdepasse',
    mpd: 'motdepasse',
    pwd: 'motdepasse',
    password: 'motdepasse',
    passwd: 'motdepasse',
    sms: 'sms',
    texto: 'sms',
    txt: 'sms',
    msg: 'message',
    mail: 'email',
    mails: 'email',
    mel: 'email',
    courriel: 'email',
    gmail: 'email',
    outlook: 'email',
    '2fa': ['double', 'authentification'],
    a2f: ['double', 'authentification'],
    mfa: ['double', 'authentification'],
    otp: 'code',
    auth: 'authentification',
    authent: 'authentification',
    authentif: 'authentification',
    authentication: 'authentification',
    identification: 'authentification',
    // Who and where.
    id: 'identifiant',
    ident: 'identifiant',
    login: 'identifiant',
    identifiants: 'identifiant',
    num: 'numero',
    tel: 'telephone',
    portable: 'telephone',
    mobile: 'telephone',
    gsm: 'telephone',
    phone: 'telephone',
    smartphone: 'telephone',
    adm: 'administrateur',
    admin: 'administrateur',
    administratrice: 'administrateur',
    user: 'utilisateur',
    utilisatrice: 'utilisateur',
    td: 'tiersdeclarant',
    tiersdeclarant: 'tiersdeclarant',
    comptable: 'comptable',
    compta: 'comptable',
    cabinet: 'comptable',
    employe: 'salarie',
    employee: 'salarie',
    collaborateur: 'salarie',
    collaboratrice: 'salarie',
    salarie: 'salarie',
    salariee: 'salarie',
    boite: 'entreprise',
    societe: 'entreprise',
    ste: 'entreprise',
    etablissement: 'etablissement',
    etab: 'etablissement',
    etabl: 'etablissement',
    mutuelle: 'mutuelle',
    mutuel: 'mutuelle',
    cotis: 'cotisation',
    cotisation: 'cotisation',
    noemie: 'noemie',
    noemi: 'noemie',
    teletransmission: 'teletransmission',
    teletrans: 'teletransmission',
    secu: 'securitesociale',
    pj: 'piecejointe',
    mo: 'mo',
    mega: 'mo',
    megaoctet: 'mo',
    megaoctets: 'mo',
    ko: 'ko',
    cgu: 'cgu',
    rgpd: 'rgpd',
    gdpr: 'rgpd',
    // Actions and their word families (verb, participle, noun).
    activer: 'activation',
    active: 'activation',
    activee: 'activation',
    activation: 'activation',
    activ: 'activation',
    desactiver: 'desactivation',
    desactive: 'desactivation',
    desactivee: 'desactivation',
    desactivation: 'desactivation',
    reactiver: 'reactivation',
    reactive: 'reactivation',
    reactivation: 'reactivation',
    connecter: 'connexion',
    connecte: 'connexion',
    connectee: 'connexion',
    connection: 'connexion',
    conexion: 'connexion',
    connextion: 'connexion',
    connexion: 'connexion',
    co: 'connexion',
    logger: 'connexion',
    loguer: 'connexion',
    deconnecter: 'deconnexion',
    deconnecte: 'deconnexion',
    deconnexion: 'deconnexion',
    deco: 'deconnexion',
    logout: 'deconnexion',
    radier: 'radiation',
    radie: 'radiation',
    radiee: 'radiation',
    radiez: 'radiation',
    radiation: 'radiation',
    radiations: 'radiation',
    affilier: 'affiliation',
    affilie: 'affiliation',
    affiliee: 'affiliation',
    affiliation: 'affiliation',
    affiliations: 'affiliation',
    adhesion: 'affiliation',
    adherer: 'affiliation',
    habiliter: 'habilitation',
    habilite: 'habilitation',
    habilitation: 'habilitation',
    habilitations: 'habilitation',
    reinitialiser: 'reinitialisation',
    reinitialise: 'reinitialisation',
    reinitialisation: 'reinitialisation',
    reinit: 'reinitialisation',
    reset: 'reinitialisation',
    oublier: 'oubli',
    oublie: 'oubli',
    oubliee: 'oubli',
    oubli: 'oubli',
    bloquer: 'blocage',
    bloque: 'blocage',
    bloquee: 'blocage',
    blocage: 'blocage',
    verrouiller: 'blocage',
    verrouille: 'blocage',
    verrouillee: 'blocage',
    verrouillage: 'blocage',
    telecharger: 'telechargement',
    telecharge: 'telechargement',
    telechargement: 'telechargement',
    download: 'telechargement',
    dl: 'telechargement',
    imprimer: 'telechargement',
    recu: 'recevoir',
    recue: 'recevoir',
    recois: 'recevoir',
    recoit: 'recevoir',
    recoi: 'recevoir',
    recevoir: 'recevoir',
    recevez: 'recevoir',
    reception: 'recevoir',
    receptionne: 'recevoir',
    envoyer: 'envoi',
    envoye: 'envoi',
    envoyee: 'envoi',
    envoie: 'envoi',
    envoi: 'envoi',
    envoyez: 'envoi',
    renvoyer: 'renvoi',
    renvoie: 'renvoi',
    renvoye: 'renvoi',
    renvoi: 'renvoi',
    relancer: 'relance',
    relance: 'relance',
    modifier: 'modifier',
    modifie: 'modifier',
    modification: 'modifier',
    modif: 'modifier',
    changer: 'modifier',
    change: 'modifier',
    changement: 'modifier',
    maj: 'modifier',
    corriger: 'modifier',
    correction: 'modifier',
    ajouter: 'ajouter',
    ajoute: 'ajouter',
    ajout: 'ajouter',
    rajouter: 'ajouter',
    rajout: 'ajouter',
    supprimer: 'supprimer',
    suppression: 'supprimer',
    effacer: 'supprimer',
    enlever: 'supprimer',
    retirer: 'supprimer',
    exporter: 'export',
    export: 'export',
    extraction: 'export',
    extraire: 'export',
    excel: 'export',
    csv: 'export',
    dispenser: 'dispense',
    dispense: 'dispense',
    dispensee: 'dispense',
    refuser: 'refus',
    refuse: 'refus',
    refus: 'refus',
    portabilite: 'portabilite',
    portabilites: 'portabilite',
    portabilte: 'portabilite',
    portab: 'portabilite',
    probleme: 'probleme',
    pb: 'probleme',
    pbm: 'probleme',
    prob: 'probleme',
    pblm: 'probleme',
    souci: 'probleme',
    soucis: 'probleme',
    bug: 'bug',
    beug: 'bug',
    bugue: 'bug',
    plante: 'bug',
    aide: 'aide',
    aider: 'aide',
    contacter: 'contact',
    contact: 'contact',
    joindre: 'contact',
    // Texting, spelled-out pronouns and fillers (mapped to stop words below).
    koi: 'quoi',
    ke: 'que',
    k: 'que',
    pr: 'pour',
    ds: 'dans',
    tt: 'tout',
    tjs: 'toujours',
    tjrs: 'toujours',
    qd: 'quand',
    cmt: 'comment',
    cmnt: 'comment',
    pk: 'pourquoi',
    pq: 'pourquoi',
    pkoi: 'pourquoi',
    jai: 'ai',
    g: 'ai',
    chui: 'suis',
    jsuis: 'suis',
    jpeux: 'peux',
    svp: 'svp',
    stp: 'svp',
    bcp: 'beaucoup',
    // Everyday verbs and nouns with one meaning here.
    trouver: 'trouver',
    trouve: 'trouver',
    trouvons: 'trouver',
    trouvez: 'trouver',
    introuvable: ['trouver', 'introuvable'],
    voir: 'voir',
    vois: 'voir',
    voit: 'voir',
    consulter: 'voir',
    consulte: 'voir',
    visualiser: 'voir',
    afficher: 'afficher',
    affiche: 'afficher',
    mettre: 'saisir',
    met: 'saisir',
    mets: 'saisir',
    saisir: 'saisir',
    saisi: 'saisir',
    saisie: 'saisir',
    renseigner: 'saisir',
    renseigne: 'saisir',
    indiquer: 'saisir',
    taper: 'saisir',
    tape: 'saisir',
    souvenir: 'souvenir',
    souviens: 'souvenir',
    souvient: 'souvenir',
    rappelle: 'souvenir',
    rapelle: 'souvenir',
    resto: 'restaurant',
    restau: 'restaurant',
    restaurant: 'restaurant',
    papier: 'document',
    piece: 'document',
    document: 'document',
    doc: 'document',
    garder: 'conserver',
    garde: 'conserver',
    conserver: 'conserver',
    conserve: 'conserver',
    marche: 'fonctionner',
    marcher: 'fonctionner',
    fonctionne: 'fonctionner',
    fonctionner: 'fonctionner',
    fonctionnement: 'fonctionner',
    commencer: 'demarrer',
    commence: 'demarrer',
    demarrer: 'demarrer',
    demarre: 'demarrer',
    debute: 'demarrer',
    debuter: 'demarrer',
    finir: 'finaliser',
    fini: 'finaliser',
    finie: 'finaliser',
    terminer: 'finaliser',
    termine: 'finaliser',
    finaliser: 'finaliser',
    finalise: 'finaliser',
    decede: 'deces',
    decedee: 'deces',
    deces: 'deces',
    mort: 'deces',
  }),
);

/**
 * Words that say nothing about the topic. Small on purpose: "sans" (sans e-mail, sans DSN),
 * "quand", "pourquoi" and "combien" stay, because they separate answers ("quand le code
 * est-il demandé ?" is not "je n'ai pas reçu le code").
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a ai aie aient as au aux avec avoir avez avons ayant beaucoup bien ca ce ceci cela celle celui ces cet cette ' +
    'chez ci comme comment d dans de des dois doit donc du elle elles en es est et etaient etait ete etre eu faire ' +
    'fais fait faut il ils j je l la le les leur leurs lui m ma mais me mes moi mon n ne nos notre nous on ont ou ' +
    'par pas peu peut peux pour pouvez pouvoir puis puisse qu que quel quelle quelles quels qui quoi s sa se ses ' +
    'si son sont suis sur svp t ta te tes toi ton toujours tous tout toute toutes tres tu un une vos votre vous ' +
    'y voudrais veux veut voulez souhaite souhaiterais aimerais sais savoir dire merci bonjour bonsoir salut hello ' +
    'coucou madame monsieur mme mr stp alors car ya quelqu quelque quelques estce cest arrive arriver arrivons ' +
    'parvenir parviens reussi reussir besoin please jamais rien ici donne donner donnez plus revoir bonne journee soiree ' +
    'remercie thx mrc bjr slt hey ciao bye'
  ).split(/\s+/),
);

/** Words the stemmer must leave whole (their final s is not a plural). */
const KEEP_WHOLE: ReadonlySet<string> = new Set([
  'sms',
  'sans',
  'mois',
  'plus',
  'fois',
  'temps',
  'cas',
  'acces',
  'prix',
  'choix',
  'dsn',
  'css',
  'bis',
  'ips',
  'iris',
]);

/**
 * Light French stemming: plural (-s, -x, -aux → -al) and feminine (-ée, -trice, -euse, -ive,
 * -elle, -enne) endings only. Conjugations are left to the lexicon's word families, which
 * are explicit and therefore predictable.
 */
export function stem(term: string): string {
  if (term.length <= 3 || KEEP_WHOLE.has(term) || /\d/.test(term)) return term;
  let result = term;
  if (result.length > 5 && result.endsWith('aux')) result = `${result.slice(0, -3)}al`;
  else if (/[sx]$/.test(result) && !result.endsWith('ss')) result = result.slice(0, -1);
  if (result.length > 5) {
    if (result.endsWith('trice')) result = `${result.slice(0, -5)}teur`;
    else if (result.endsWith('euse')) result = `${result.slice(0, -4)}eur`;
    else if (result.endsWith('ive')) result = `${result.slice(0, -3)}if`;
    else if (result.endsWith('elle') || result.endsWith('enne')) result = result.slice(0, -2);
    else if (result.endsWith('ee')) result = result.slice(0, -1);
  }
  return result;
}

/** Numbers people write in questions are short (3 mois, 12 caractères, 4 documents). */
const MAX_NUMBER_LENGTH = 4;

function canonicalUncached(token: string): readonly string[] {
  const mapped = LEXICON.get(token) ?? LEXICON.get(stem(token));
  if (mapped !== undefined) return typeof mapped === 'string' ? [mapped] : mapped;
  return [stem(token)];
}

/** Tokens repeat a lot (the knowledge base's vocabulary is small): remember, within bounds. */
const canonicalCache = new Map<string, readonly string[]>();
const CANONICAL_CACHE_LIMIT = 20_000;

function canonical(token: string): readonly string[] {
  let terms = canonicalCache.get(token);
  if (terms === undefined) {
    terms = canonicalUncached(token);
    if (canonicalCache.size >= CANONICAL_CACHE_LIMIT) canonicalCache.clear();
    canonicalCache.set(token, terms);
  }
  return terms;
}

/** Folded text with its expressions rewritten and its elisions removed, ready to split. */
export function prepareText(text: string): string {
  let prepared = foldText(text);
  // The hint spares ~40 regular expressions on texts that cannot match them (cold start).
  for (const [pattern, replacement, hint] of EXPRESSIONS) {
    if (prepared.includes(hint)) prepared = prepared.replace(pattern, replacement);
  }
  return prepared.replace(ELISION, ' ');
}

/** The raw tokens of prepared text (letters and digits). */
export const rawTokens = (prepared: string): string[] =>
  prepared
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== '' && (!/^\d+$/.test(token) || token.length <= MAX_NUMBER_LENGTH));

export interface AnalyseOptions {
  /**
   * The terms the knowledge base knows. When given, a token unknown to it that starts with an
   * elided article typed without its apostrophe ("lidentifiant", "jai", "dactivation") is
   * tried again without that letter.
   */
  readonly vocabulary?: ReadonlySet<string>;
}

const GLUED_ELISION = /^(?:qu|[ldjmnstc])(?=[aeiouhy])/;

function termsOf(token: string, vocabulary: ReadonlySet<string> | undefined): readonly string[] {
  const terms = canonical(token);
  if (!vocabulary || terms.some((term) => vocabulary.has(term) || STOP_WORDS.has(term))) return terms;
  const unglued = token.replace(GLUED_ELISION, '');
  if (unglued === token || unglued.length < 3) return terms;
  const retried = canonical(unglued);
  return retried.some((term) => vocabulary.has(term) || STOP_WORDS.has(term)) ? retried : terms;
}

/**
 * The search terms of a text, in order (duplicates kept: term frequency matters when
 * indexing). The same function analyses the knowledge base and the questions.
 */
export function analyse(text: string, options: AnalyseOptions = {}): string[] {
  const terms: string[] = [];
  for (const token of rawTokens(prepareText(text))) {
    // A lone letter is an elision typed without its apostrophe ("l identifiant") or noise.
    if (STOP_WORDS.has(token) || (token.length === 1 && !/\d/.test(token))) continue;
    for (const term of termsOf(token, options.vocabulary)) {
      if (!STOP_WORDS.has(term)) terms.push(term);
    }
  }
  return terms;
}

export type SmallTalk = 'greeting' | 'thanks' | 'goodbye';

const SMALL_TALK: readonly (readonly [SmallTalk, ReadonlySet<string>])[] = [
  ['thanks', new Set(['merci', 'thx', 'mrc', 'remercie', 'parfait', 'super', 'genial', 'top', 'nickel'])],
  ['goodbye', new Set(['revoir', 'bye', 'ciao', 'bonne', 'journee', 'soiree', 'adieu', 'tchao'])],
  ['greeting', new Set(['bonjour', 'bonsoir', 'salut', 'hello', 'coucou', 'bjr', 'slt', 'hey', 'allo'])],
];

/** A message that is only politeness ("bonjour", "merci beaucoup", "au revoir"), if it is one. */
export function smallTalkOf(text: string): SmallTalk | null {
  const tokens = new Set(rawTokens(prepareText(text)));
  for (const [kind, words] of SMALL_TALK) {
    if ([...tokens].some((token) => words.has(token))) return kind;
  }
  return null;
}
