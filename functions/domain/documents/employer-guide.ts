import type { PracticalDocument } from './model';
import { SCHEME } from './scheme';

/**
 * The user guide of this portal, screen by screen, in the words of its menus
 * (web/src/shared/sections.ts) and with its real rules (activation, second factor, rights,
 * radiation, contact form limits). Update it with the screens.
 */
export const employerGuide: PracticalDocument = {
  id: 'guide-espace-entreprise',
  title: 'Guide utilisateur Espace Entreprise',
  category: 'guides',
  description:
    'Toutes les rubriques de l’Espace Entreprise Santé pas à pas : activation, double authentification, habilitations, contrats, salariés, affiliations, radiations.',
  version: '2026-11-24',
  layout: 'guide',
  subtitle: 'Espace Entreprise Santé — pour les employeurs et les tiers déclarants',
  blocks: [
    { kind: 'heading', level: 1, text: 'Bienvenue dans votre Espace Entreprise Santé' },
    {
      kind: 'paragraph',
      text: `L’${SCHEME.portal} est l’espace en ligne des entreprises adhérentes au régime de complémentaire santé ${SCHEME.name}, géré avec ${SCHEME.insurer}. Totalement sécurisé, il permet aux employeurs et à leurs **tiers déclarants** (expert-comptable, cabinet de paie) de gérer les salariés assurés et de contacter les équipes HCR Bien-Être.`,
    },
    {
      kind: 'bullets',
      items: [
        'consulter vos contrats et les salariés assurés sur chacun d’eux ;',
        'pré-affilier un nouveau salarié et suivre son affiliation jusqu’au bout ;',
        'traiter les anomalies d’affiliation et radier un salarié ;',
        'télécharger les certificats et les documents pratiques du régime ;',
        'gérer les accès de vos collaborateurs et de vos tiers déclarants ;',
        'nous écrire, avec des pièces jointes.',
      ],
    },
    {
      kind: 'paragraph',
      text: 'Le menu principal reprend les rubriques de ce guide : **Accueil**, **Mes contrats**, **Mes salariés** (Salariés affiliés, Pré-affilier un salarié, Suivi des affiliations, Suivi des anomalies d’affiliation, Radiation), **Mes documents pratiques**, **Mes habilitations**, **Nous contacter** et **Profil**.',
    },

    { kind: 'heading', level: 1, text: 'Première connexion : activer votre espace' },
    {
      kind: 'paragraph',
      text: 'Pour accéder aux services de l’Espace Entreprise, une première connexion est nécessaire pour créer vos identifiants personnels. La personne qui active l’espace en devient **Administrateur** pour l’entreprise.',
    },
    {
      kind: 'steps',
      items: [
        'Sur la page de connexion, cliquez sur **Activer mon espace**.',
        '**Votre entreprise** : saisissez le **numéro de SIRET** (14 chiffres) et l’**identifiant entreprise**, puis validez.',
        '**Vos informations** : civilité, nom, prénom, adresse e-mail et téléphone mobile (06 ou 07). Le mobile recevra vos codes de sécurité.',
        '**Votre mot de passe** : choisissez-le, puis acceptez les conditions générales d’utilisation.',
        'Ouvrez l’e-mail de confirmation reçu à l’adresse indiquée et cliquez sur le lien : il est valable 48 heures. Votre espace est alors actif.',
        'Connectez-vous avec votre adresse e-mail et le mot de passe choisi.',
      ],
    },
    { kind: 'heading', level: 2, text: 'Comment retrouver votre identifiant entreprise ?' },
    {
      kind: 'bullets',
      items: [
        'Il figure en tant que **« Numéro entreprise »** sur les courriers de votre assureur.',
        'Vous avez un contrat **Malakoff Humanis** : il figure en tant que **« Numéro d’adhérent »** sur les courriers de votre assureur.',
        'Votre entreprise fait partie d’un groupe multi-établissements avec un régime unique : saisissez le SIRET de l’**établissement principal**. En cas de doute, vérifiez-le avec votre interlocuteur Malakoff Humanis.',
      ],
    },
    {
      kind: 'callout',
      title: 'Les numéros ne sont pas reconnus ?',
      paragraphs: [
        'Par sécurité, le message est le même quel que soit le problème : vérifiez les deux numéros. Si l’espace de votre entreprise est déjà activé, demandez un accès à son administrateur, ou ajoutez l’entreprise depuis votre Profil si vous avez déjà un compte.',
      ],
    },
    { kind: 'heading', level: 2, text: 'Choisir votre mot de passe' },
    {
      kind: 'bullets',
      items: [
        'De 12 à 128 caractères, sans autre contrainte : une phrase de plusieurs mots est facile à retenir et difficile à deviner.',
        'Les mots de passe trop courants, déjà divulgués, ou reprenant votre nom ou votre adresse e-mail sont refusés.',
        'Oubli : cliquez sur **Mot de passe oublié ?** sur la page de connexion. Vous recevez un lien valable 30 minutes pour en choisir un nouveau ; vos autres sessions sont alors fermées.',
      ],
    },
    {
      kind: 'paragraph',
      tone: 'small',
      text: 'Vous gérez plusieurs établissements ? Une fois connecté, ajoutez-les à votre espace depuis le Profil, avec leur SIRET et leur identifiant (voir « Votre profil et votre périmètre »).',
    },

    { kind: 'heading', level: 1, text: 'Se connecter : la double authentification' },
    {
      kind: 'paragraph',
      text: 'La double authentification protège votre espace et les données de vos salariés : en plus de votre mot de passe, un **code de sécurité** vous est envoyé par SMS. Elle réduit le risque de fraude et d’usurpation d’identité.',
    },
    { kind: 'heading', level: 2, text: 'Quand est-elle demandée ?' },
    {
      kind: 'bullets',
      items: [
        'lors d’un changement de navigateur internet (ou après avoir effacé vos cookies) ;',
        'lors d’un changement d’adresse IP (changement de box ou de réseau wifi) ;',
        'après une longue période sans connexion (à partir de 3 mois) ;',
        'tant que votre numéro de téléphone mobile n’a pas été vérifié.',
      ],
    },
    { kind: 'heading', level: 2, text: 'Comment ça marche ?' },
    {
      kind: 'steps',
      items: [
        'Saisissez votre adresse e-mail et votre mot de passe, puis validez.',
        'L’écran **Sécurité de votre connexion** s’affiche : indiquez ou confirmez votre numéro de mobile, puis cliquez sur **Envoyer le code**.',
        'Saisissez le code à 6 chiffres reçu par SMS dans le champ **Code de sécurité**, puis cliquez sur **Continuer**.',
      ],
    },
    {
      kind: 'bullets',
      items: [
        'Le code est valable 10 minutes et ne sert qu’une fois. Un nouveau code peut être demandé après une minute.',
        'Après 5 codes erronés, reprenez la connexion avec votre e-mail et votre mot de passe.',
        'Un numéro déjà vérifié s’affiche masqué et ne peut pas être modifié depuis cet écran : changez-le depuis votre Profil, ou appelez-nous s’il n’est plus le bon.',
      ],
    },
    {
      kind: 'paragraph',
      text: 'Sans activité pendant 30 minutes, vous êtes déconnecté ; une session dure au plus 12 heures. Sur un ordinateur partagé, pensez à cliquer sur **Déconnexion** en haut de page.',
    },

    { kind: 'heading', level: 1, text: 'Mes habilitations : gérer les utilisateurs' },
    { kind: 'paragraph', text: 'Deux profils existent, **pour chaque entreprise** :' },
    {
      kind: 'bullets',
      items: [
        '**Administrateur** : il voit la rubrique **Mes habilitations › Gestion des habilitations** et gère les accès à l’espace de sa ou ses entreprises, pour d’autres utilisateurs ou des tiers déclarants.',
        '**Utilisateur** : il accède à toutes les autres rubriques, mais pas à la gestion des habilitations.',
      ],
    },
    {
      kind: 'paragraph',
      text: 'Une même personne peut être Administrateur d’une entreprise et Utilisateur d’une autre : c’est le cas fréquent d’un tiers déclarant qui suit plusieurs clients.',
    },
    { kind: 'heading', level: 2, text: 'Ajouter un utilisateur' },
    {
      kind: 'steps',
      items: [
        'Ouvrez **Mes habilitations › Gestion des habilitations**, puis cliquez sur **Ajouter un utilisateur à mon espace entreprise**.',
        'Complétez le formulaire (civilité, nom, prénom, adresse e-mail).',
        'Sélectionnez la ou les entreprises auxquelles il aura accès et son profil sur chacune (Administrateur ou Utilisateur).',
        'Validez : l’utilisateur reçoit un e-mail avec un lien pour créer son mot de passe, valable 7 jours.',
      ],
    },
    { kind: 'heading', level: 2, text: 'Gérer les accès existants' },
    {
      kind: 'paragraph',
      text: 'La liste des utilisateurs de l’entreprise s’affiche dans **Gestion des habilitations**. Pour chacun, les actions permettent de :',
    },
    {
      kind: 'bullets',
      items: [
        '**modifier** son profil et ses droits ;',
        '**renvoyer le lien** de création du mot de passe (le lien précédent ne fonctionne plus) ;',
        '**désactiver temporairement** son accès, puis le **réactiver** plus tard ;',
        '**désactiver définitivement** son accès.',
      ],
    },
    {
      kind: 'paragraph',
      text: 'Une désactivation ferme immédiatement les sessions ouvertes de l’utilisateur. Le dernier administrateur actif d’une entreprise ne peut pas être retiré : nommez d’abord un autre administrateur.',
    },
    {
      kind: 'paragraph',
      text: 'Les administrateurs disposent aussi du **journal des modifications** de l’entreprise : qui a fait quoi et quand (accès, pré-affiliations, radiations, consultation d’un numéro de sécurité sociale…).',
    },

    { kind: 'heading', level: 1, text: 'Votre profil et votre périmètre' },
    {
      kind: 'paragraph',
      text: 'La rubrique **Profil**, accessible par le pictogramme silhouette suivi de votre nom, en haut de page, présente vos informations personnelles et votre **périmètre** : les entreprises que vous suivez, le SIRET de leur établissement principal et votre profil sur chacune.',
    },
    { kind: 'heading', level: 2, text: 'Ajouter un établissement au périmètre suivi' },
    {
      kind: 'steps',
      items: [
        'Sur la page Profil, cliquez sur **Ajouter un établissement au périmètre suivi**.',
        'Saisissez le **SIRET** et l’**identifiant** (identifiant entreprise ou numéro d’adhérent) du nouvel établissement.',
        'Validez : après vérification auprès des données de l’assureur, l’établissement rejoint votre périmètre et vous en devenez administrateur.',
      ],
    },
    { kind: 'heading', level: 2, text: 'Changer d’entreprise' },
    {
      kind: 'paragraph',
      text: 'Si vous suivez plusieurs entreprises, choisissez celle sur laquelle vous travaillez dans le bandeau **Entreprise** en haut de page : toutes les rubriques s’affichent alors pour cette entreprise.',
    },
    { kind: 'heading', level: 2, text: 'Modifier vos coordonnées et votre mot de passe' },
    {
      kind: 'bullets',
      items: [
        'Un nouveau numéro de mobile est confirmé par un code envoyé par SMS à ce numéro.',
        'Le changement de mot de passe demande le mot de passe actuel ; vos autres sessions sont alors fermées.',
      ],
    },

    { kind: 'heading', level: 1, text: 'La page d’accueil' },
    {
      kind: 'paragraph',
      text: 'L’**Accueil** rassemble toutes vos rubriques sous forme de tuiles et un **focus sur vos affiliations** : le nombre de demandes d’affiliation par statut et le nombre d’anomalies à traiter, avec un lien direct vers chaque liste.',
    },

    { kind: 'heading', level: 1, text: 'Mes contrats' },
    {
      kind: 'paragraph',
      text: 'Cette rubrique présente les contrats de l’entreprise sélectionnée et les catégories de salariés qu’ils couvrent :',
    },
    {
      kind: 'table',
      columns: [
        { header: 'Colonne', width: 0.3 },
        { header: 'Ce qu’elle indique', width: 0.7 },
      ],
      rows: [
        ['Statut', 'La population couverte : cadre ou non cadre.'],
        ['Risque', 'La nature de la garantie : santé, prévoyance.'],
        ['Contrat employeur', 'Le numéro du contrat de l’entreprise.'],
        ['Contrat', 'Le produit ou la formule de garanties.'],
        ['Date d’effet, date de fin', 'La période de validité du contrat.'],
        ['Actions', 'L’accès au détail du contrat.'],
      ],
    },
    { kind: 'heading', level: 2, text: 'Le détail d’un contrat' },
    {
      kind: 'paragraph',
      text: 'Le détail liste les assurés du contrat avec leurs informations utiles : télétransmission **Noémie** (oui ou non), **conjoint** et **enfants** couverts, **date d’effet** et **date de fin**. Pour chaque assuré, les actions permettent de :',
    },
    {
      kind: 'bullets',
      items: [
        '**télécharger le certificat d’affiliation** (PDF) à remettre au salarié ;',
        '**radier** le salarié (voir « Radiation (contexte sans DSN) »).',
      ],
    },

    { kind: 'heading', level: 1, text: 'Mes salariés' },
    {
      kind: 'paragraph',
      text: 'Le menu **Mes salariés** regroupe les salariés affiliés, les affiliations (pré-affiliation, suivi, anomalies) et la radiation.',
    },
    { kind: 'heading', level: 2, text: 'Salariés affiliés' },
    {
      kind: 'paragraph',
      text: 'La liste complète et détaillée de vos salariés affiliés : nom de l’établissement, statut professionnel, nom, numéro de sécurité sociale, contrat, date d’effet et date de fin.',
    },
    {
      kind: 'bullets',
      items: [
        '**Rechercher** : tapez le début d’un nom, ou un numéro de sécurité sociale complet.',
        '**Filtrer** par établissement, statut (cadre, non cadre), contrat, et salariés actifs ou radiés ; trier par nom.',
        'La liste s’affiche par pages ; passez d’une page à l’autre en bas du tableau.',
        '**Exporter** : la liste filtrée se télécharge au format CSV, lisible par un tableur.',
      ],
    },
    {
      kind: 'callout',
      title: 'Numéro de sécurité sociale masqué',
      paragraphs: [
        'Le numéro de sécurité sociale est une donnée sensible : il est masqué dans les listes. Vous pouvez l’afficher en entier pour un salarié lorsque c’est nécessaire ; chaque consultation est enregistrée dans le journal des modifications. Ne le communiquez jamais par e-mail ni dans le chatbot.',
      ],
    },

    { kind: 'heading', level: 1, text: 'Pré-affilier un salarié' },
    {
      kind: 'paragraph',
      text: 'Pour un salarié qui rejoint l’entreprise, la pré-affiliation lance son affiliation. Suivez les étapes ; à chacune, **Annuler** ou **Valider** :',
    },
    {
      kind: 'steps',
      items: [
        'Choisissez l’**établissement**.',
        'Choisissez le **statut professionnel** (cadre ou non cadre) : il détermine le contrat du salarié.',
        'Remplissez les informations du salarié : civilité, nom, prénom, date de naissance, numéro de sécurité sociale, adresse e-mail (facultative), adresse postale, date d’embauche et date de début de la couverture.',
      ],
    },
    { kind: 'heading', level: 2, text: 'Et ensuite ?' },
    {
      kind: 'bullets',
      items: [
        'Avec une adresse e-mail, le salarié reçoit un **e-mail** avec un lien personnel et sécurisé vers son formulaire d’affiliation (voir le document « E-mail d’affiliation »).',
        'Sans adresse e-mail, le formulaire lui est envoyé **par courrier**.',
        'Le formulaire peut aussi être téléchargé depuis **Suivi des affiliations**.',
        'Le salarié complète son **bulletin individuel d’affiliation (BIA)** en ligne ou le retourne par courrier avec ses justificatifs : RIB et attestation de droits Sécurité sociale. D’autres pièces peuvent être demandées selon sa situation ; le formulaire les précise.',
        'Une fois le bulletin vérifié, le salarié est affilié au contrat correspondant à son établissement et à son statut : il apparaît dans Salariés affiliés et dans Mes contrats.',
      ],
    },
    {
      kind: 'paragraph',
      text: 'Prévenez votre salarié : l’e-mail d’affiliation est indispensable pour finaliser son affiliation. S’il ne le trouve pas, il peut regarder dans ses courriers indésirables.',
    },

    { kind: 'heading', level: 1, text: 'Suivi des affiliations' },
    {
      kind: 'paragraph',
      text: 'À tout moment, connaissez l’état d’avancement de l’affiliation de chaque salarié, avec le mode d’envoi utilisé (e-mail ou courrier) et son statut :',
    },
    {
      kind: 'table',
      columns: [
        { header: 'Statut', width: 0.3 },
        { header: 'Signification', width: 0.7 },
      ],
      rows: [
        ['Envoyé à l’employé', 'L’e-mail ou le courrier a été envoyé au salarié.'],
        [
          'Démarré par le salarié',
          'Le salarié a commencé son affiliation en ligne et enregistré un brouillon.',
        ],
        [
          'Finalisé par le salarié',
          'Le bulletin d’affiliation complété, en ligne ou sur papier, a été retourné à HCR Bien-Être.',
        ],
        [
          'Abandonné',
          'Le parcours du salarié a été interrompu. Pour lui redonner accès, il faut reprendre un parcours initial (nouvelle pré-affiliation).',
        ],
      ],
    },
    {
      kind: 'bullets',
      items: [
        '**Relancer** : si le salarié n’a pas répondu, renvoyez-lui sa demande depuis les actions de la ligne.',
        '**Télécharger le formulaire** : pour le lui remettre en main propre.',
        'Des relances automatiques partent vers les salariés qui n’ont pas terminé ; sans réponse dans le délai prévu, la demande passe au statut Abandonné.',
      ],
    },

    { kind: 'heading', level: 1, text: 'Suivi des anomalies d’affiliation' },
    {
      kind: 'paragraph',
      text: 'Accès : **Mes salariés › Suivi des anomalies d’affiliation**. Cette rubrique signale les affiliations qui rencontrent un problème, détectées en comparant les déclarations sociales nominatives (DSN) de l’entreprise avec les affiliations :',
    },
    {
      kind: 'bullets',
      items: [
        'un salarié déclaré en DSN mais non affilié ;',
        'un contrat de travail terminé en DSN alors que le salarié est toujours affilié ;',
        'une différence d’identité (numéro de sécurité sociale, nom, date de naissance) ;',
        'une catégorie (cadre, non cadre) ou un établissement différent.',
      ],
    },
    {
      kind: 'paragraph',
      text: 'Pour chaque anomalie : SIRET, établissement, nom et prénom, numéro de sécurité sociale (masqué), détail de l’anomalie et date d’affiliation. Dans **Actions**, vous pouvez **forcer l’affiliation** ou **forcer la radiation**. Un salarié dispensé d’adhésion (voir le Guide pratique Assurés) ne constitue pas une anomalie une fois sa dispense enregistrée.',
    },

    { kind: 'heading', level: 1, text: 'Radiation (contexte sans DSN)' },
    {
      kind: 'paragraph',
      text: 'La radiation met fin à la couverture d’un salarié qui quitte l’entreprise. Elle est normalement transmise par la DSN ; cette rubrique permet de radier directement un salarié en dehors de la DSN.',
    },
    {
      kind: 'steps',
      items: [
        'Choisissez le salarié (depuis cette rubrique ou depuis le détail d’un contrat).',
        'Indiquez la **date de fin** et le **motif** (démission, licenciement, fin de CDD, rupture conventionnelle, départ à la retraite, décès, autre motif…).',
        'Vérifiez le récapitulatif, notamment la portabilité, puis confirmez.',
      ],
    },
    {
      kind: 'bullets',
      items: [
        'La date de fin ne peut pas précéder la date d’effet de l’affiliation ni dépasser un an à venir. Une date trop ancienne ne peut pas être saisie en ligne : contactez-nous.',
        'La date de fin du salarié est mise à jour et l’**attestation de radiation** (PDF) est disponible dans ses actions.',
      ],
    },
    { kind: 'heading', level: 2, text: 'La portabilité' },
    {
      kind: 'paragraph',
      text: 'Lorsque la fin du contrat de travail ouvre droit à l’assurance chômage (par exemple un licenciement, une fin de CDD ou une rupture conventionnelle), l’ancien salarié conserve gratuitement sa couverture santé au titre de la **portabilité**, pour une durée égale à celle de son dernier contrat de travail, en mois entiers arrondis au mois supérieur, **dans la limite de 12 mois**. Le récapitulatif de la radiation indique si la portabilité s’applique et ses dates ; l’ancien salarié en est informé. Le motif « Autre » est examiné par nos équipes.',
    },

    { kind: 'heading', level: 1, text: 'Mes documents pratiques' },
    { kind: 'paragraph', text: 'Un ensemble de documents liés au régime, à télécharger au format PDF :' },
    {
      kind: 'bullets',
      items: [
        '**Documents utiles salariés** : le mandat de prélèvement SEPA et le modèle de l’e-mail d’affiliation ;',
        '**Guides pratiques** : ce guide, le Guide utilisateur Espace Assuré et le Guide pratique Assurés, à transmettre à vos salariés.',
      ],
    },
    {
      kind: 'paragraph',
      tone: 'small',
      text: 'Le lien de téléchargement est valable quelques minutes : s’il a expiré, cliquez de nouveau sur le document.',
    },

    { kind: 'heading', level: 1, text: 'Nous contacter' },
    {
      kind: 'paragraph',
      text: 'Depuis **Nous contacter**, adressez un message aux équipes HCR Bien-Être. Pour faciliter son traitement, **sélectionnez le motif** qui correspond à votre demande :',
    },
    {
      kind: 'table',
      columns: [
        { header: 'Rubrique', width: 0.35 },
        { header: 'Motifs', width: 0.65 },
      ],
      rows: [
        ['Gérer mon contrat', 'Information sur les cotisations • Autre demande'],
        [
          'Gérer mes salariés',
          'Affiliation d’un salarié • Radiation d’un salarié • Transmettre des documents pour mon salarié',
        ],
      ],
    },
    {
      kind: 'bullets',
      items: [
        'Précisez l’objet, puis rédigez votre message.',
        'Ajoutez jusqu’à **4 documents** de **3 Mo** chacun au maximum : PDF, JPEG, PNG, Word (.docx) ou Excel (.xlsx).',
        'Vos messages envoyés restent consultables dans la rubrique, avec leur référence.',
      ],
    },

    { kind: 'heading', level: 1, text: 'Le chatbot' },
    {
      kind: 'paragraph',
      text: 'Pour faciliter la prise en main de votre espace, posez vos questions en cliquant sur l’icône en bas de l’écran, présente sur toutes les pages. Une fenêtre de dialogue s’ouvre : elle vous guide dans les démarches de connexion (activation, identifiant entreprise, double authentification, mot de passe, ajout d’utilisateurs) et donne des informations générales sur le régime, avec des liens vers les bonnes rubriques. Quand il ne peut pas répondre, le chatbot vous propose le formulaire **Nous contacter** et la ligne d’assistance.',
    },
    {
      kind: 'paragraph',
      tone: 'small',
      text: 'N’indiquez jamais de numéro de sécurité sociale ni de mot de passe dans le chatbot.',
    },

    { kind: 'heading', level: 1, text: 'Besoin d’aide ?' },
    {
      kind: 'callout',
      title: 'Votre ligne dédiée',
      paragraphs: [
        `Nos conseillers vous accompagnent **${SCHEME.helpHours}** au **${SCHEME.helpLine}** (${SCHEME.helpPricing}).`,
        'Munissez-vous de votre identifiant entreprise et du SIRET concerné. Nos conseillers ne vous demanderont jamais votre mot de passe ni un code reçu par SMS.',
      ],
    },
  ],
};
