import { conflict, forbidden, ProblemException } from '@liaison/platform';

/** The problem types of agencies and task forces, by the last segment of their `type` URI (`…/problems/<type>`). */
export const AGENCIES_PROBLEMS = {
  userInactive: 'user-inactive',
  handlingPermissionRequired: 'handling-permission-required',
  handlingPermissionNotProvider: 'handling-permission-not-provider',
  selfGrant: 'self-grant',
  secondAdministratorRequired: 'second-administrator-required',
  firstAdministratorOnly: 'first-administrator-only',
  linkUnusable: 'link-unusable',
} as const;

/** 410: an invitation or reset link that is unknown, used, replaced by a newer one or past its time. */
export const linkUnusable = () =>
  new ProblemException(
    410,
    AGENCIES_PROBLEMS.linkUnusable,
    'This link is unknown, already used, replaced by a newer one or expired. Ask for a new one.',
  );

/** 422: a deactivated account joins nothing. */
export const userInactive = () =>
  new ProblemException(422, AGENCIES_PROBLEMS.userInactive, 'The user’s account is deactivated');

/** 422: the handling code needs the provider's permission before agencies beyond the two parties see the request. */
export function handlingPermissionRequired(detail: string, extensions: Record<string, unknown>): ProblemException {
  return new ProblemException(422, AGENCIES_PROBLEMS.handlingPermissionRequired, detail, {
    ...extensions,
    hint: 'Send "handlingPermissionConfirmed": true once the providing agency has agreed; it is recorded in the trail.',
  });
}

/** 403: the permission to share onward is the providing agency's to give, not the caller's. */
export function handlingPermissionNotProvider(detail: string, extensions: Record<string, unknown>): ProblemException {
  return new ProblemException(403, AGENCIES_PROBLEMS.handlingPermissionNotProvider, detail, {
    ...extensions,
    hint: 'A SUPERVISOR of the agency that provided the request (its requesting agency) links it or gives the permission.',
  });
}

/** 409: the user is in the task force already. */
export const alreadyMember = () => conflict('The user is already a member of this task force');

/** 409: the task force follows the request already. */
export const alreadyFollowed = () => conflict('The request is already linked to this task force');

/** 403: why the caller may not link or unlink the request (`reason` names the rule). */
export const linkRefused = (reason: string, detail: string) => forbidden(detail, { reason });

/** 403: no one grants themselves a role or the platform-admin flag (another administrator must). */
export const selfGrant = () =>
  new ProblemException(403, AGENCIES_PROBLEMS.selfGrant, 'Administrators cannot grant roles to themselves', {
    hint: 'Another administrator of the agency grants it.',
  });

/** 403: the flag is granted by platform admins only. */
export const platformAdminsOnly = () => forbidden('Only platform administrators grant the platform-admin flag');

/** 403: a grant's second administrator must be another person than its proposer and its grantee. */
export const secondAdministratorRequired = (reason: 'own_proposal' | 'own_grant') =>
  new ProblemException(
    403,
    AGENCIES_PROBLEMS.secondAdministratorRequired,
    reason === 'own_proposal'
      ? 'The administrator who proposed a grant cannot confirm it'
      : 'A grant cannot be confirmed by the user who would receive it',
    { reason, hint: 'Another administrator confirms it.' },
  );

/** 403: inside another agency a platform admin only creates the first administrator, while it has none. */
export const firstAdministratorOnly = (detail: string) =>
  new ProblemException(403, AGENCIES_PROBLEMS.firstAdministratorOnly, detail, {
    hint: "The agency's own administrators create its other users.",
  });
