import { forbidden, ProblemException } from '@liaison/platform';

/** The problem types of the audit trail, by the last segment of their `type` URI (`…/problems/<type>`). */
export const AUDIT_PROBLEMS = {
  notYetCheckpointed: 'not-yet-checkpointed',
  signingUnconfigured: 'audit-signing-unconfigured',
} as const;

/** 403: the trail is read by auditors (and platform admins). */
export const notAnAuditor = () => forbidden('The audit trail is for auditors');

/** 409: no signed checkpoint covers the entry yet, so there is no proof of it to give. */
export const notYetCheckpointed = () =>
  new ProblemException(
    409,
    AUDIT_PROBLEMS.notYetCheckpointed,
    'No checkpoint covers this entry yet; the next one will (see AUDIT_CHECKPOINT_INTERVAL_SECONDS).',
  );

/** 503: checkpoints cannot be checked without the signing key's public half. */
export const signingUnconfigured = () =>
  new ProblemException(
    503,
    AUDIT_PROBLEMS.signingUnconfigured,
    'No audit public key is configured (AUDIT_PUBLIC_KEY).',
  );
