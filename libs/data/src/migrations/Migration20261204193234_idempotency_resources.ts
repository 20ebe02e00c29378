import { Migration } from '@mikro-orm/migrations';

/**
 * Idempotency records keep the ids of what a call wrote (`resource`) instead of its answer, and expire after a day
 * (`created_at` indexed for the sweep). The answers stored so far may show persons' identities and requests'
 * contents: they are deleted, and a retry of one of them runs afresh.
 */
export class Migration20261204193234_idempotency_resources extends Migration {
  override name = 'Migration20261204193234_idempotency_resources';

  override up(): void | Promise<void> {
    this.addSql(`delete from "idempotency_record" where "response_body" is not null;`);
    this.addSql(`alter table "idempotency_record" add "resource" jsonb null;`);
    this.addSql(`create index "idempotency_record_created_at_index" on "idempotency_record" ("created_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "idempotency_record_created_at_index";`);
    this.addSql(`delete from "idempotency_record" where "resource" is not null;`);
    this.addSql(`alter table "idempotency_record" drop column "resource";`);
  }
}
