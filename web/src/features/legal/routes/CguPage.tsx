import { Link } from 'react-router';
import { CURRENT_CGU_VERSION } from '../../../../../functions/contracts/auth';
import { HELP_LINE } from '../../../shared/help';
import { Page } from '../../../shared/components/Page';
import { PORTAL_NAME, SCHEME_NAME, sections } from '../../../shared/sections';
import '../legal.css';

/**
 * The terms of use the activating administrator accepts. Their version is the one the API
 * records with the acceptance (CURRENT_CGU_VERSION): a change of text is a change of version.
 */
export function CguPage() {
  return (
    <Page title={sections.cgu.title} lead={`${PORTAL_NAME} — ${SCHEME_NAME}`}>
      <article className="legal">
        <p className="legal__version">
          Version <strong>{CURRENT_CGU_VERSION}</strong>, en vigueur à compter de sa mise en ligne.
        </p>

        <nav className="legal__toc" aria-labelledby="cgu-sommaire">
          <h2 id="cgu-sommaire" className="legal__toc-title">
            Sommaire
          </h2>
          <ol>
            <li>
              <a href="#cgu-objet">Objet</a>
            </li>
            <li>
              <a href="#cgu-acces">Accès à l'Espace Entreprise Santé</a>
            </li>
            <li>
              <a href="#cgu-securite">Identifiants et sécurité</a>
            </li>
            <li>
              <a href="#cgu-utilisation">Utilisation du service</a>
            </li>
            <li>
              <a href="#cgu-donnees">Protection des données personnelles</a>
            </li>
            <li>
              <a href="#cgu-cookies">Cookies</a>
            </li>
            <li>
              <a href="#cgu-responsabilites">Responsabilités</a>
            </li>
            <li>
              <a href="#cgu-modifications">Modification des conditions</a>
            </li>
            <li>
              <a href="#cgu-droit">Droit applicable</a>
            </li>
          </ol>
        </nav>

        <section aria-labelledby="cgu-objet">
          <h2 id="cgu-objet">1. Objet</h2>
          <p>
            Les présentes conditions générales d'utilisation (CGU) fixent les règles d'accès et d'utilisation
            de l'{PORTAL_NAME}, l'espace en ligne réservé aux entreprises adhérentes du régime collectif santé{' '}
            {SCHEME_NAME} des hôtels, cafés et restaurants, et aux tiers déclarants qui agissent pour leur
            compte.
          </p>
          <p>
            L'{PORTAL_NAME} est mis à disposition par l'organisme assureur du régime {SCHEME_NAME} (ci-après
            «&nbsp;l'Assureur&nbsp;»). Il permet notamment de consulter les contrats de l'entreprise, de gérer
            l'affiliation et la radiation des salariés, de suivre les anomalies d'affiliation, de gérer les
            habilitations des utilisateurs et d'échanger avec les équipes de gestion.
          </p>
          <p>
            L'utilisation de l'{PORTAL_NAME} vaut acceptation sans réserve des présentes CGU. Elles complètent
            le contrat collectif souscrit par l'entreprise, qui prévaut en cas de contradiction.
          </p>
        </section>

        <section aria-labelledby="cgu-acces">
          <h2 id="cgu-acces">2. Accès à l'Espace Entreprise Santé</h2>
          <p>
            L'accès est réservé aux entreprises adhérentes et aux personnes qu'elles habilitent. La première
            personne qui active l'espace d'une entreprise, à l'aide du numéro de SIRET et de l'identifiant
            entreprise communiqués par l'Assureur, en devient l'administrateur. Elle déclare agir au nom et
            pour le compte de l'entreprise, avec l'autorisation de celle-ci.
          </p>
          <p>
            L'administrateur peut ouvrir un accès à d'autres utilisateurs ou à un tiers déclarant, avec le
            profil «&nbsp;Administrateur&nbsp;» ou «&nbsp;Utilisateur&nbsp;», et doit retirer sans délai
            l'accès des personnes qui n'ont plus à en disposer (départ, fin de mission).
          </p>
          <p>
            Le service est gratuit, hors coût de la connexion à internet et des éventuels SMS reçus. Il est
            accessible à tout moment, sauf interruption pour maintenance, mise à jour ou incident ; l'Assureur
            s'efforce d'en limiter la durée et d'en prévenir les utilisateurs lorsque c'est possible.
          </p>
        </section>

        <section aria-labelledby="cgu-securite">
          <h2 id="cgu-securite">3. Identifiants et sécurité</h2>
          <p>
            Chaque utilisateur se connecte avec son adresse e-mail et un mot de passe personnel d'au moins 12
            caractères. Une double authentification, par un code à usage unique envoyé par SMS au numéro de
            mobile de l'utilisateur, est demandée lors d'une connexion depuis un nouveau navigateur ou une
            nouvelle adresse IP, après trois mois sans connexion, ou tant que ce numéro n'a pas été vérifié.
          </p>
          <p>
            Les identifiants sont strictement personnels et confidentiels : l'utilisateur ne les communique à
            personne, pas même à un collègue ni à l'Assureur, qui ne les lui demandera jamais. Toute action
            effectuée avec ses identifiants est réputée faite par lui.
          </p>
          <p>
            En cas de perte, de vol ou de soupçon d'utilisation frauduleuse de ses identifiants, l'utilisateur
            change immédiatement son mot de passe (rubrique «&nbsp;Profil&nbsp;» ou «&nbsp;Mot de passe
            oublié&nbsp;») et prévient l'Assureur au {HELP_LINE.display} ({HELP_LINE.hours},{' '}
            {HELP_LINE.pricing}). L'Assureur peut suspendre un accès en cas de risque pour la sécurité du
            service ou des données.
          </p>
        </section>

        <section aria-labelledby="cgu-utilisation">
          <h2 id="cgu-utilisation">4. Utilisation du service</h2>
          <p>L'utilisateur s'engage à :</p>
          <ul>
            <li>
              saisir des informations exactes et à jour, notamment celles relatives aux salariés qu'il affilie
              ou radie ;
            </li>
            <li>
              n'utiliser les données des salariés auxquelles il accède que pour la gestion de leur couverture
              santé et dans le respect de leur vie privée ;
            </li>
            <li>
              ne transmettre par le service que des documents nécessaires à la gestion du contrat, exempts de
              virus ou de code malveillant ;
            </li>
            <li>
              ne pas tenter d'accéder à des données d'autres entreprises ni de perturber le fonctionnement du
              service.
            </li>
          </ul>
        </section>

        <section aria-labelledby="cgu-donnees">
          <h2 id="cgu-donnees">5. Protection des données personnelles</h2>
          <h3>Responsable du traitement</h3>
          <p>
            L'Assureur est responsable des traitements de données personnelles mis en œuvre par l'
            {PORTAL_NAME}, conformément au règlement général sur la protection des données (RGPD) et à la loi
            «&nbsp;Informatique et Libertés&nbsp;» du 6 janvier 1978 modifiée.
          </p>
          <h3>Finalités et bases légales</h3>
          <ul>
            <li>
              gérer les comptes des utilisateurs, leurs habilitations et la sécurité des connexions (exécution
              du contrat collectif et intérêt légitime de l'Assureur à protéger le service) ;
            </li>
            <li>
              gérer le contrat collectif : affiliations, radiations, anomalies, certificats et échanges avec
              l'entreprise (exécution du contrat et obligations légales de l'Assureur) ;
            </li>
            <li>répondre aux demandes adressées depuis le service (exécution du contrat) ;</li>
            <li>
              produire des statistiques anonymes d'utilisation afin d'améliorer le service (intérêt légitime).
            </li>
          </ul>
          <h3>Données traitées</h3>
          <p>
            Pour les utilisateurs : civilité, nom, prénom, adresse e-mail, numéro de mobile, entreprises
            suivies et profils, date d'acceptation des CGU, journaux de connexion (date, adresse IP,
            navigateur). Pour les salariés gérés par l'entreprise : les données nécessaires à leur
            affiliation, dont leur numéro de sécurité sociale, qui n'est jamais affiché en entier dans les
            listes.
          </p>
          <h3>Destinataires</h3>
          <p>
            Les données sont destinées aux seules équipes de l'Assureur chargées de la gestion du régime et du
            service, à ses sous-traitants techniques (hébergement, envoi des e-mails et des SMS) tenus à la
            confidentialité et à la sécurité, et aux organismes habilités par la loi. Elles sont hébergées
            dans l'Union européenne.
          </p>
          <h3>Durées de conservation</h3>
          <ul>
            <li>compte utilisateur : tant que l'accès est ouvert, puis 5 ans après sa fermeture ;</li>
            <li>journaux de connexion : 1 an ;</li>
            <li>codes de sécurité envoyés par SMS : 10 minutes, et jamais en clair ;</li>
            <li>
              données de gestion du contrat et des affiliations : la durée du contrat collectif, puis les
              délais de prescription légaux.
            </li>
          </ul>
          <h3>Vos droits</h3>
          <p>
            Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation et de portabilité
            de vos données, d'un droit d'opposition pour motif légitime et du droit de définir des directives
            sur leur sort après votre décès. Pour les exercer, ou pour toute question sur vos données,
            contactez le délégué à la protection des données (DPO) de l'Assureur par courrier à l'adresse
            figurant sur vos courriers de gestion, ou depuis la rubrique «&nbsp;Nous contacter&nbsp;» de votre
            espace (motif «&nbsp;Autre demande&nbsp;»), en précisant l'objet «&nbsp;Données
            personnelles&nbsp;».
          </p>
          <p>
            Si vous estimez, après avoir contacté le DPO, que vos droits ne sont pas respectés, vous pouvez
            adresser une réclamation à la Commission nationale de l'informatique et des libertés (CNIL), 3
            place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, ou sur www.cnil.fr.
          </p>
        </section>

        <section aria-labelledby="cgu-cookies">
          <h2 id="cgu-cookies">6. Cookies</h2>
          <p>
            L'{PORTAL_NAME} n'utilise que des cookies strictement nécessaires à son fonctionnement, qui ne
            requièrent pas votre consentement : le cookie de session (12 heures au plus, supprimé à la
            déconnexion), un cookie de connexion le temps de la double authentification (15 minutes) et un
            cookie de reconnaissance du navigateur (13 mois au plus), qui évite de vous redemander un code sur
            un navigateur déjà vérifié. Aucun cookie publicitaire ni de mesure d'audience tiers n'est déposé.
          </p>
          <p>
            Le navigateur conserve aussi l'entreprise que vous avez choisie dans l'en-tête, pour vous la
            présenter à nouveau.
          </p>
        </section>

        <section aria-labelledby="cgu-responsabilites">
          <h2 id="cgu-responsabilites">7. Responsabilités</h2>
          <p>
            L'Assureur met en œuvre les moyens raisonnables pour assurer la disponibilité, la sécurité et
            l'exactitude des informations du service. Il ne saurait être tenu responsable d'une interruption
            due à une maintenance, à un cas de force majeure ou à un dysfonctionnement du matériel ou de la
            connexion de l'utilisateur.
          </p>
          <p>
            L'entreprise et ses utilisateurs sont responsables des informations qu'ils saisissent, de la garde
            de leurs identifiants et des habilitations qu'ils accordent. Les informations affichées le sont à
            titre indicatif : seuls le contrat collectif et les documents contractuels font foi.
          </p>
          <p>
            Les contenus de l'{PORTAL_NAME} (textes, marques, logos, documents) sont protégés ; ils ne peuvent
            être reproduits que pour les besoins de la gestion du contrat de l'entreprise.
          </p>
        </section>

        <section aria-labelledby="cgu-modifications">
          <h2 id="cgu-modifications">8. Modification des conditions</h2>
          <p>
            L'Assureur peut faire évoluer les présentes CGU, notamment pour tenir compte d'une évolution du
            service ou de la réglementation. Chaque version porte un numéro ; l'acceptation de la version en
            vigueur est enregistrée avec sa date. En cas de modification substantielle, la nouvelle version
            vous est présentée et doit être acceptée pour continuer à utiliser le service.
          </p>
        </section>

        <section aria-labelledby="cgu-droit">
          <h2 id="cgu-droit">9. Droit applicable</h2>
          <p>
            Les présentes CGU sont soumises au droit français. Avant toute action, les parties rechercheront
            une solution amiable ; à défaut, les tribunaux français compétents seront saisis.
          </p>
        </section>

        <p className="legal__back">
          <Link to={sections.activation.path}>Revenir à l'activation de mon espace</Link>
        </p>
      </article>
    </Page>
  );
}
