import { z } from 'zod';
import type { RouteId } from '../routes';
import { devMessagesResponse, healthResponse, openApiDocumentResponse } from './platform';
import * as auth from './auth';
import * as users from './users';
import * as employees from './employees';
import * as contact from './contact';
import * as chatbot from './chatbot';
import * as documents from './documents';
import * as affiliation from './affiliation';
import * as anomalies from './anomalies';

/**
 * The request and response schemas of every route, by route id. The OpenAPI document is
 * generated from this map and the route table; a test checks that no route is missing.
 */
export interface RouteContract {
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  /** Status of a successful answer (200 unless said). */
  readonly successStatus?: number;
}

export const routeContracts: Record<RouteId, RouteContract> = {
  getHealth: { response: healthResponse },
  getOpenApiDocument: { response: openApiDocumentResponse },
  listDevMessages: { response: devMessagesResponse },
  checkActivationIdentifiers: { body: auth.checkActivationRequest, response: auth.checkActivationResponse },
  activateSpace: {
    body: auth.activateSpaceRequest,
    response: auth.activateSpaceResponse,
    successStatus: 201,
  },
  confirmEmail: { body: auth.confirmEmailRequest, response: auth.confirmEmailResponse },
  login: { body: auth.loginRequest, response: auth.loginResponse },
  sendLoginCode: { body: auth.sendLoginCodeRequest, response: auth.sendLoginCodeResponse },
  verifyLoginCode: { body: auth.verifyLoginCodeRequest, response: auth.verifyLoginCodeResponse },
  logout: { response: auth.logoutResponse },
  getMe: { response: auth.meResponse },
  requestPasswordReset: {
    body: auth.requestPasswordResetRequest,
    response: auth.requestPasswordResetResponse,
    successStatus: 202,
  },
  resetPassword: { body: auth.resetPasswordRequest, response: auth.resetPasswordResponse },
  changePassword: { body: auth.changePasswordRequest, response: auth.changePasswordResponse },
  listCompanyUsers: { params: users.companyParams, response: users.listCompanyUsersResponse },
  inviteUser: {
    params: users.companyParams,
    body: users.inviteUserRequest,
    response: users.inviteUserResponse,
    successStatus: 201,
  },
  updateUserRights: {
    params: users.companyUserParams,
    body: users.updateUserRightsRequest,
    response: users.updateUserRightsResponse,
  },
  resendInvitation: { params: users.companyUserParams, response: users.resendInvitationResponse },
  deactivateUser: {
    params: users.companyUserParams,
    body: users.deactivateUserRequest,
    response: users.userStatusResponse,
  },
  reactivateUser: { params: users.companyUserParams, response: users.userStatusResponse },
  acceptInvitation: { body: users.acceptInvitationRequest, response: users.acceptInvitationResponse },
  getProfile: { response: users.profileResponse },
  updateProfile: { body: users.updateProfileRequest, response: users.updateProfileResponse },
  verifyProfilePhone: { body: users.verifyProfilePhoneRequest, response: users.profileResponse },
  addEstablishment: {
    body: users.addEstablishmentRequest,
    response: users.addEstablishmentResponse,
    successStatus: 201,
  },
  listAuditEvents: {
    params: users.companyParams,
    query: users.listAuditEventsQuery,
    response: users.listAuditEventsResponse,
  },
  listContracts: { params: users.companyParams, response: employees.listContractsResponse },
  getContract: {
    params: employees.contractParams,
    query: employees.getContractQuery,
    response: employees.getContractResponse,
  },
  listEmployees: {
    params: users.companyParams,
    query: employees.listEmployeesQuery,
    response: employees.listEmployeesResponse,
  },
  exportEmployees: {
    params: users.companyParams,
    body: employees.exportEmployeesRequest,
    response: employees.exportEmployeesResponse,
  },
  revealNir: { params: employees.employeeParams, response: employees.revealNirResponse },
  radiateEmployee: {
    params: employees.employeeParams,
    body: employees.radiateEmployeeRequest,
    response: employees.radiateEmployeeResponse,
  },
  getAffiliationCertificate: { params: employees.employeeParams, response: employees.downloadResponse },
  getRadiationCertificate: { params: employees.employeeParams, response: employees.downloadResponse },
  createContactUploadUrl: {
    params: contact.contactParams,
    body: contact.createContactUploadRequest,
    response: contact.createContactUploadResponse,
    successStatus: 201,
  },
  sendContactMessage: {
    params: contact.contactParams,
    body: contact.sendContactMessageRequest,
    response: contact.sendContactMessageResponse,
    successStatus: 201,
  },
  listContactMessages: { params: contact.contactParams, response: contact.listContactMessagesResponse },
  downloadContactAttachment: {
    params: contact.attachmentTokenParams,
    response: z.null(),
    successStatus: 302,
  },
  askChatbot: { body: chatbot.askChatbotRequest, response: chatbot.askChatbotResponse },
  listDocuments: { response: documents.listDocumentsResponse },
  getDocument: { params: documents.documentParams, response: documents.getDocumentResponse },
  preAffiliateEmployee: {
    params: users.companyParams,
    body: affiliation.preAffiliateEmployeeRequest,
    response: affiliation.preAffiliateEmployeeResponse,
    successStatus: 201,
  },
  importPreAffiliations: {
    params: users.companyParams,
    body: affiliation.importPreAffiliationsRequest,
    response: affiliation.importPreAffiliationsResponse,
  },
  listAffiliationRequests: {
    params: users.companyParams,
    query: affiliation.listAffiliationRequestsQuery,
    response: affiliation.listAffiliationRequestsResponse,
  },
  remindAffiliationRequest: {
    params: affiliation.affiliationRequestParams,
    response: affiliation.remindAffiliationRequestResponse,
  },
  restartAffiliationRequest: {
    params: affiliation.affiliationRequestParams,
    response: affiliation.restartAffiliationRequestResponse,
  },
  getAffiliationForm: {
    params: affiliation.affiliationRequestParams,
    response: affiliation.getAffiliationFormResponse,
  },
  getBia: { response: affiliation.getBiaResponse },
  saveBiaDraft: { body: affiliation.saveBiaDraftRequest, response: affiliation.saveBiaDraftResponse },
  createBiaUploadUrl: {
    body: affiliation.createBiaUploadRequest,
    response: affiliation.createBiaUploadResponse,
    successStatus: 201,
  },
  finalizeBia: { body: affiliation.finalizeBiaRequest, response: affiliation.finalizeBiaResponse },
  listCourriers: { query: affiliation.listCourriersQuery, response: affiliation.listCourriersResponse },
  markCourrierPosted: {
    params: affiliation.affiliationRequestParams,
    response: affiliation.markCourrierPostedResponse,
  },
  recordPaperBia: {
    params: affiliation.affiliationRequestParams,
    body: affiliation.recordPaperBiaRequest,
    response: affiliation.recordPaperBiaResponse,
  },
  listAnomalies: {
    params: users.companyParams,
    query: anomalies.listAnomaliesQuery,
    response: anomalies.listAnomaliesResponse,
  },
  forceAffiliation: {
    params: anomalies.anomalyParams,
    body: anomalies.forceAffiliationRequest,
    response: anomalies.anomalyActionResponse,
  },
  forceRadiation: {
    params: anomalies.anomalyParams,
    body: anomalies.forceRadiationRequest,
    response: anomalies.anomalyActionResponse,
  },
  resolveAnomalyAsDispensed: {
    params: anomalies.anomalyParams,
    body: anomalies.resolveAnomalyAsDispensedRequest,
    response: anomalies.anomalyActionResponse,
  },
  listDispenses: {
    params: users.companyParams,
    query: anomalies.listDispensesQuery,
    response: anomalies.listDispensesResponse,
  },
  decideDispense: {
    params: anomalies.dispenseParams,
    body: anomalies.decideDispenseRequest,
    response: anomalies.decideDispenseResponse,
  },
  getHomeSummary: { params: users.companyParams, response: anomalies.getHomeSummaryResponse },
};
