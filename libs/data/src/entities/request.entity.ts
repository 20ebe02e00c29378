import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { HANDLING_CODES, REQUEST_KINDS, SIDES, URGENCIES, type RequestContent } from '@liaison/domain';
import { AgencySchema } from './agency.entity';
import { identified } from './timestamps';
import { UserSchema } from './user.entity';

/** Timers as stored: dates as ISO strings inside jsonb. */
export type StoredTimer =
  { name: string; status: 'running'; dueAt: string } | { name: string; status: 'paused'; remainingMs: number };

/**
 * A request for cooperation between a requesting and a requested agency (for a repatriation: receiving and origin).
 * Its state changes only through the workflow's write path; its content only while it is a draft.
 */
export const RequestSchema = defineEntity({
  name: 'Request',
  tableName: 'request',
  properties: {
    ...identified(),
    /** Human reference such as `MLA-2026-000123`: unique per kind and year, without gaps. */
    reference: p.string().length(32).unique(),
    kind: p.enum(REQUEST_KINDS),
    requestingAgency: () => p.manyToOne(AgencySchema),
    requestedAgency: () => p.manyToOne(AgencySchema),
    createdBy: () => p.manyToOne(UserSchema),
    /** Id of a legal basis in the domain's `LEGAL_BASES` (a treaty, an instrument or reciprocity). */
    legalBasis: p.string().length(64),
    urgency: p.enum(URGENCIES).default('normal'),
    /** ISO 639-1 language the request is written in. */
    language: p.string().length(8).default('en'),
    handlingCode: p.enum(HANDLING_CODES).default('H0'),
    /** The H3 restriction, in words. */
    handlingRestriction: p.text().nullable(),
    /** One line for lists and search, in clear: it must carry no personal data. */
    title: p.string().length(300),
    /**
     * What the request says, in memory only: sealed into `sealedContent` under the request's data key
     * (`request_key`) by the requests lib's vault, and opened by it for callers the access rules allow.
     */
    content: p.json<RequestContent>().persist(false),
    /** The content as JSON, padded, under the request's data key (AES-256-GCM: nonce ‖ ciphertext ‖ tag). */
    sealedContent: p.blob().nullable(),
    /** Content from before encryption, until the worker seals it at start; null for every sealed request. */
    clearContent: p.json<RequestContent>().nullable(),
    /** When the request's data key was destroyed: content, notes, history payloads and attachments are gone. */
    personalDataPurgedAt: p.datetime().nullable(),
    /** The date the requesting side needs the assistance by (UNTOC Art. 18(24)). */
    suggestedDeadline: p.datetime().nullable(),
    state: p.string().length(64),
    previousState: p.string().length(64).nullable(),
    heldBySide: p.enum(SIDES).nullable(),
    bestInterestsOutcome: p.string().length(32).nullable(),
    timers: p.json<StoredTimer[]>(),
    /** Incremented by every accepted event: the ETag, and what `If-Match` is compared with. */
    version: p.integer().default(1),
    overdue: p.boolean().default(false),
    lastActivityAt: p.datetime(),
  },
});

export type Request = InferEntity<typeof RequestSchema>;
