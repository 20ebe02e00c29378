import { ForbiddenException } from '@nestjs/common';
import { fieldError, forbidden, ProblemException, type StaleVersionDetail } from '@liaison/platform';
import { ALLOWED_CONTENT_TYPES } from './attachments/content-types';

/** The problem types of requests, by the last segment of their `type` URI (`…/problems/<type>`). */
export const REQUESTS_PROBLEMS = {
  notADraft: 'not-a-draft',
  personPurged: 'person-purged',
  requestPurged: 'request-purged',
  purgeAlreadyProposed: 'purge-already-proposed',
  noPendingPurge: 'no-pending-purge',
  purgeProposalExpired: 'purge-proposal-expired',
  secondSupervisorRequired: 'second-supervisor-required',
  requestClosed: 'request-closed',
  alreadyLinked: 'already-linked',
  unprocessable: 'unprocessable',
  unsupportedMediaType: 'unsupported-media-type',
} as const;

/** 409: the request has left its draft state, and with it the time for editing. */
export const notADraft = () => new ProblemException(409, REQUESTS_PROBLEMS.notADraft, 'Only drafts can be edited');

/** 409: the person's identity was destroyed; nothing of it can be edited or purged again. */
export const personPurged = () =>
  new ProblemException(409, REQUESTS_PROBLEMS.personPurged, "This person's identity has been purged");

/**
 * 410: the request's data key was destroyed (purge or retention): its content, notes, history payloads and
 * attachments can never be read again, and it takes no new ones.
 */
export const requestPurged = () =>
  new ProblemException(410, REQUESTS_PROBLEMS.requestPurged, "This request's personal data has been purged");

/** 409: a purge of this person already waits for a second supervisor: confirm or cancel it. */
export const purgeAlreadyProposed = (expiresAt: Date) =>
  new ProblemException(
    409,
    REQUESTS_PROBLEMS.purgeAlreadyProposed,
    'A purge of this person already waits for a second supervisor: confirm or cancel it',
    { expiresAt: expiresAt.toISOString() },
  );

/** 409: there is no proposed purge of this person to confirm or cancel. */
export const noPendingPurge = () =>
  new ProblemException(409, REQUESTS_PROBLEMS.noPendingPurge, 'No purge of this person waits for confirmation');

/** 409: the proposal lapsed unconfirmed; a purge must be proposed afresh. */
export const purgeProposalExpired = (expiresAt: Date) =>
  new ProblemException(
    409,
    REQUESTS_PROBLEMS.purgeProposalExpired,
    'The proposed purge lapsed unconfirmed: propose it afresh',
    { expiresAt: expiresAt.toISOString() },
  );

/** 403: four eyes: the supervisor who proposed a purge may not confirm it. */
export const secondSupervisorRequired = () =>
  new ProblemException(
    403,
    REQUESTS_PROBLEMS.secondSupervisorRequired,
    'Four eyes: a second supervisor, not the one who proposed the purge, must confirm it',
  );

/** 409: a closed request takes nothing more. */
export const requestClosed = (detail: string) => new ProblemException(409, REQUESTS_PROBLEMS.requestClosed, detail);

/** 409: the two requests are linked already. */
export const alreadyLinked = () =>
  new ProblemException(409, REQUESTS_PROBLEMS.alreadyLinked, 'These requests are already linked');

/** The detail of the 412 when the caller's `If-Match` names a version that is no longer current. */
export const requestChanged: StaleVersionDetail = ({ current }) =>
  `The request has changed: it is at version ${current}`;

/** 415: an attachment of a type that is not allowed, or whose bytes are not of the type it declares. */
export const unsupportedAttachment = () =>
  new ProblemException(
    415,
    REQUESTS_PROBLEMS.unsupportedMediaType,
    `Attachments must be one of ${ALLOWED_CONTENT_TYPES.join(', ')}, with content of that type`,
    { allowed: ALLOWED_CONTENT_TYPES },
  );

/** 422: well-formed input that the request cannot take, naming the field. */
export const unprocessable = (field: string, detail: string) =>
  new ProblemException(422, REQUESTS_PROBLEMS.unprocessable, detail, { errors: [fieldError([field], detail)] });

/** 403: visible to the caller, but not theirs to change. */
export const notYours = (what: string) => new ForbiddenException(what);

/** 403: statistics are not for this caller. */
export const statisticsForbidden = () => forbidden('Statistics are for auditors and supervisors');
