import { createBrowserRouter, type RouteObject } from 'react-router';
import { sections } from '../shared/sections';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';
import { lazyPage } from './lazy-page';
import { NotFoundPage } from './NotFoundPage';
import { RequireSession } from './RequireSession';
import { RootError, RouteError } from './RouteError';

// Each page is its own chunk: the first visit downloads the shell and the page it opens, nothing else.
const HomePage = lazyPage(() => import('../features/home/routes/HomePage'), 'HomePage');
const ContractsPage = lazyPage(() => import('../features/contracts/routes/ContractsPage'), 'ContractsPage');
const EmployeesPage = lazyPage(() => import('../features/employees/routes/EmployeesPage'), 'EmployeesPage');
const PreAffiliationPage = lazyPage(
  () => import('../features/affiliation/routes/PreAffiliationPage'),
  'PreAffiliationPage',
);
const AffiliationTrackingPage = lazyPage(
  () => import('../features/affiliation/routes/AffiliationTrackingPage'),
  'AffiliationTrackingPage',
);
const AnomaliesPage = lazyPage(() => import('../features/anomalies/routes/AnomaliesPage'), 'AnomaliesPage');
const DispensesPage = lazyPage(() => import('../features/dispenses/routes/DispensesPage'), 'DispensesPage');
const RadiationPage = lazyPage(() => import('../features/employees/routes/RadiationPage'), 'RadiationPage');
const DocumentsPage = lazyPage(() => import('../features/documents/routes/DocumentsPage'), 'DocumentsPage');
const HabilitationsPage = lazyPage(
  () => import('../features/habilitations/routes/HabilitationsPage'),
  'HabilitationsPage',
);
const ContactPage = lazyPage(() => import('../features/contact/routes/ContactPage'), 'ContactPage');
const ProfilePage = lazyPage(() => import('../features/profile/routes/ProfilePage'), 'ProfilePage');
const LoginPage = lazyPage(() => import('../features/auth/routes/LoginPage'), 'LoginPage');
const SecurityPage = lazyPage(() => import('../features/auth/routes/SecurityPage'), 'SecurityPage');
const ActivationPage = lazyPage(() => import('../features/auth/routes/ActivationPage'), 'ActivationPage');
const ConfirmEmailPage = lazyPage(
  () => import('../features/auth/routes/ConfirmEmailPage'),
  'ConfirmEmailPage',
);
const ForgotPasswordPage = lazyPage(
  () => import('../features/auth/routes/ForgotPasswordPage'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = lazyPage(
  () => import('../features/auth/routes/ResetPasswordPage'),
  'ResetPasswordPage',
);
const CguPage = lazyPage(() => import('../features/legal/routes/CguPage'), 'CguPage');
const BiaPage = lazyPage(() => import('../features/bia/routes/BiaPage'), 'BiaPage');
const InvitationPage = lazyPage(
  () => import('../features/habilitations/routes/InvitationPage'),
  'InvitationPage',
);

export const routes: RouteObject[] = [
  {
    // The employee's BIA (personal link, no account): its own plain frame, no session read.
    path: sections.bia.path,
    Component: PublicLayout,
    ErrorBoundary: RootError,
    children: [{ ErrorBoundary: RouteError, children: [{ index: true, Component: BiaPage }] }],
  },
  {
    path: '/',
    Component: AppLayout,
    ErrorBoundary: RootError,
    children: [
      {
        // Pathless: a failing page is replaced by the error message, the header and footer stay.
        ErrorBoundary: RouteError,
        children: [
          {
            // The employer's pages: only with a session (redirect to the login page otherwise).
            Component: RequireSession,
            children: [
              { index: true, Component: HomePage },
              { path: sections.contracts.path, Component: ContractsPage },
              { path: sections.employees.path, Component: EmployeesPage },
              { path: sections.preAffiliation.path, Component: PreAffiliationPage },
              { path: sections.affiliationTracking.path, Component: AffiliationTrackingPage },
              { path: sections.anomalies.path, Component: AnomaliesPage },
              { path: sections.dispenses.path, Component: DispensesPage },
              { path: sections.radiation.path, Component: RadiationPage },
              { path: sections.documents.path, Component: DocumentsPage },
              { path: sections.habilitations.path, Component: HabilitationsPage },
              { path: sections.contact.path, Component: ContactPage },
              { path: sections.profile.path, Component: ProfilePage },
            ],
          },
          // Public: getting in, and what one must be able to read before getting in.
          { path: sections.login.path, Component: LoginPage },
          { path: sections.loginSecurity.path, Component: SecurityPage },
          { path: sections.activation.path, Component: ActivationPage },
          { path: sections.emailConfirmation.path, Component: ConfirmEmailPage },
          { path: sections.forgotPassword.path, Component: ForgotPasswordPage },
          { path: sections.resetPassword.path, Component: ResetPasswordPage },
          { path: sections.cgu.path, Component: CguPage },
          // The link of the invitation e-mail (Gestion des habilitations): the invited person's password.
          { path: '/invitation', Component: InvitationPage },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
