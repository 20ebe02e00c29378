import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@liaison/domain';
import { RequestAccess } from '../access/request-access';
import { RequestPresenter } from './request-presenter';
import type { RequestView } from './request.view';

/** One request as the caller may see it, or 404. */
@Injectable()
export class RequestReader {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RequestAccess,
    private readonly presenter: RequestPresenter,
  ) {}

  async get(actor: Actor, id: string): Promise<RequestView> {
    const em = this.em.fork();
    const { request, relation } = await this.access.findVisible(em, actor, id);
    return this.presenter.present(em, actor, request, relation);
  }
}
