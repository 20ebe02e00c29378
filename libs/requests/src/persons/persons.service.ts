import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, NotFoundException } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { AuditTrail, requestStream } from '@liaison/audit';
import {
  PersonSchema,
  recordIdempotentAnswer,
  type IdempotentResource,
  type Person,
  type Request,
} from '@liaison/data';
import { actingSide, type CallerContext, type RequestRelation } from '@liaison/domain';
import { checkIfMatch } from '@liaison/platform';
import { RequestAccess } from '../access/request-access';
import { assertDraft, assertRequestingEditor } from '../shared/editing-rules';
import { touchRequest } from '../shared/request-activity';
import { personPurged, requestChanged } from '../requests-problems';
import type { CreatePersonDto } from './create-person.dto';
import type { PersonIdentity } from './person-identity';
import { PersonIdentityStore } from './person-identity-store';
import { toPersonView, type PersonListView, type PersonView } from './person.view';
import { toPendingPurgeView } from './purge/pending-purge.view';
import { findPendingPurges } from './purge/pending-purges';
import type { UpdatePersonDto } from './update-person.dto';

/**
 * Suspects, victims and witnesses of a request. Their non-identifying columns feed the rules and statistics;
 * their identity goes only through the identity store. They change only while the request is a draft.
 */
@Injectable()
export class PersonsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RequestAccess,
    private readonly identities: PersonIdentityStore,
    private readonly audit: AuditTrail,
  ) {}

  async list(caller: CallerContext, requestId: string): Promise<PersonListView> {
    return this.em.fork().transactional(async (tx) => {
      const { relation } = await this.access.findVisible(tx, caller.actor, requestId);
      const persons = await tx.find(PersonSchema, { request: requestId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      return { items: await this.present(tx, caller, requestId, relation, persons) };
    });
  }

  /** One person as the caller may see them now (the replay of adding them). */
  async get(caller: CallerContext, requestId: string, personId: string): Promise<PersonView> {
    return this.em.fork().transactional(async (tx) => {
      const { request, relation } = await this.access.findVisible(tx, caller.actor, requestId);
      const person = await this.find(tx, request, personId);
      const [view] = await this.present(tx, caller, requestId, relation, [person]);
      return view as PersonView;
    });
  }

  /** Identities in clear (each decryption audited) for the two agencies' officers and supervisors; redacted else. */
  private async present(
    tx: EntityManager,
    caller: CallerContext,
    requestId: string,
    relation: RequestRelation,
    persons: Person[],
  ): Promise<PersonView[]> {
    const acting = Boolean(actingSide(caller.actor, relation));
    const proposals = await findPendingPurges(
      tx,
      persons.map((person) => person.id),
    );
    const pending = (person: Person) => {
      const proposal = proposals.get(person.id);
      return proposal ? toPendingPurgeView(proposal, requestId, { withReason: acting }) : null;
    };
    if (!acting) {
      return persons.map((person) => toPersonView(person, 'redacted', this.identities.redact(), pending(person)));
    }
    const revealed = await this.identities.reveal(
      tx,
      caller,
      requestId,
      persons.map((person) => person.id),
    );
    return persons.map((person) => toPersonView(person, 'clear', revealed.get(person.id) ?? {}, pending(person)));
  }

  async add(
    caller: CallerContext,
    requestId: string,
    ifMatch: string | undefined,
    input: CreatePersonDto,
  ): Promise<PersonView> {
    return this.editDraft(caller, requestId, ifMatch, async (tx, request) => {
      const person = tx.create(PersonSchema, {
        id: uuidv7(),
        request,
        role: input.role,
        gender: input.gender ?? 'unknown',
        nationality: input.nationality?.toUpperCase() ?? null,
        minor: input.minor ?? null,
        handlingCode: input.handlingCode ?? 'H0',
      });
      const identity = plain(input.identity);
      this.identities.store(person, identity);
      await tx.flush();
      return {
        person,
        action: 'person.added',
        data: { role: person.role },
        view: toPersonView(person, 'clear', identity),
        answer: { type: 'person', requestId: request.id, personId: person.id },
      };
    });
  }

  async update(
    caller: CallerContext,
    requestId: string,
    personId: string,
    ifMatch: string | undefined,
    input: UpdatePersonDto,
  ): Promise<PersonView> {
    return this.editDraft(caller, requestId, ifMatch, async (tx, request) => {
      const person = await this.find(tx, request, personId);
      if (person.purgedAt) throw personPurged();
      const { identity, ...columns } = input;
      const changed = Object.entries(columns).filter(([, value]) => value !== undefined);
      tx.assign(person, Object.fromEntries(changed.map(([field, value]) => [field, normalize(field, value)])));
      const written = identity ? plain(identity) : undefined;
      if (written) this.identities.store(person, written);
      await tx.flush();
      const changedFields = [...changed.map(([field]) => field), ...(written ? ['identity'] : [])];
      const view = written ? toPersonView(person, 'clear', written) : toPersonView(person, 'omitted', null);
      return { person, action: 'person.edited', data: { changedFields }, view };
    });
  }

  async remove(caller: CallerContext, requestId: string, personId: string, ifMatch: string | undefined): Promise<void> {
    await this.editDraft(caller, requestId, ifMatch, async (tx, request) => {
      const person = await this.find(tx, request, personId);
      tx.remove(person);
      await tx.flush();
      return { person, action: 'person.removed', data: { role: person.role }, view: undefined };
    });
  }

  /**
   * The frame of every person write: visible draft, requesting editor, version check, new version, audit, and,
   * last, the answer to the Idempotency-Key of a write that gives one (adding: only a POST is claimed).
   */
  private async editDraft<View>(
    caller: CallerContext,
    requestId: string,
    ifMatch: string | undefined,
    write: (
      tx: EntityManager,
      request: Request,
    ) => Promise<{
      person: Person;
      action: string;
      data: Record<string, unknown>;
      view: View;
      answer?: IdempotentResource;
    }>,
  ): Promise<View> {
    return this.em.fork().transactional(async (tx) => {
      const { request, relation } = await this.access.findVisible(tx, caller.actor, requestId, {
        lock: true,
        wait: true,
      });
      assertRequestingEditor(caller.actor, relation);
      checkIfMatch(ifMatch, request.version, requestChanged);
      assertDraft(request);
      const { person, action, data, view, answer } = await write(tx, request);
      touchRequest(request, { newVersion: true });
      await tx.flush();
      await this.audit.append(tx, {
        stream: requestStream(request.id),
        action,
        subjectType: 'person',
        subjectId: person.id,
        actor: caller.actor,
        clientRequestId: caller.clientRequestId,
        data: { requestId: request.id, ...data, requestVersion: request.version },
      });
      if (answer) await recordIdempotentAnswer(tx, answer);
      return view;
    });
  }

  private async find(tx: EntityManager, request: Request, personId: string): Promise<Person> {
    const person = await tx.findOne(PersonSchema, { id: personId, request: request.id });
    if (!person) throw new NotFoundException('Person not found');
    return person;
  }
}

/** A DTO instance as plain JSON: undefined fields dropped. */
function plain(identity: object | undefined): PersonIdentity {
  return JSON.parse(JSON.stringify(identity ?? {})) as PersonIdentity;
}

function normalize(field: string, value: unknown): unknown {
  return field === 'nationality' && typeof value === 'string' ? value.toUpperCase() : value;
}
