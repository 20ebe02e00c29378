import { ForbiddenException } from '@nestjs/common';
import { fieldError, ProblemException, type StaleVersionDetail } from '@liaison/platform';

/** 409: the request has left its draft state, and with it the time for editing. */
export const notADraft = () => new ProblemException(409, 'not-a-draft', 'Only drafts can be edited');

/** The detail of the 412 when the caller's `If-Match` names a version that is no longer current. */
export const requestChanged: StaleVersionDetail = ({ current }) =>
  `The request has changed: it is at version ${current}`;

/** 422: well-formed input that the request cannot take, naming the field. */
export const unprocessable = (field: string, detail: string) =>
  new ProblemException(422, 'unprocessable', detail, { errors: [fieldError([field], detail)] });

/** 403: visible to the caller, but not theirs to change. */
export const notYours = (what: string) => new ForbiddenException(what);
