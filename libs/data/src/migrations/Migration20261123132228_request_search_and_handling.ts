import { Migration } from '@mikro-orm/migrations';

export class Migration20261123132228_request_search_and_handling extends Migration {
  override name = 'Migration20261123132228_request_search_and_handling';

  override up(): void | Promise<void> {
    // H3 on notes and attachments states its restriction in words, as on requests (docs/domain.md, Handling codes).
    this.addSql(`alter table "request_note" add "handling_restriction" text null;`);
    this.addSql(`alter table "attachment" add "handling_restriction" text null;`);
    // Search sorted by creation (GET /v1/requests?sort=createdAt): the same keyset walk as by last activity.
    this.addSql(
      `create index "request_incoming_created_index" on "request" ("requested_agency_id", "created_at" desc, "id" desc);`,
    );
    this.addSql(
      `create index "request_outgoing_created_index" on "request" ("requesting_agency_id", "created_at" desc, "id" desc);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "request_outgoing_created_index";`);
    this.addSql(`drop index "request_incoming_created_index";`);
    this.addSql(`alter table "attachment" drop column "handling_restriction";`);
    this.addSql(`alter table "request_note" drop column "handling_restriction";`);
  }
}
