import { Migration } from '@mikro-orm/migrations';

/**
 * Purges that wait for a second supervisor (docs/personal-data.md, four eyes): one row per person at most, gone
 * with the person. The app role gets its DML privileges explicitly, as well as through the default privileges.
 */
export class Migration20261204195901_person_purge_proposal extends Migration {
  override name = 'Migration20261204195901_person_purge_proposal';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "person_purge_proposal" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "person_id" uuid not null, "proposed_by_id" uuid not null, "ground" varchar(32) not null, "reason" text not null, "expires_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "person_purge_proposal" add constraint "person_purge_proposal_person_id_unique" unique ("person_id");`,
    );
    this.addSql(
      `alter table "person_purge_proposal" add constraint "person_purge_proposal_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "person_purge_proposal" add constraint "person_purge_proposal_proposed_by_id_foreign" foreign key ("proposed_by_id") references "app_user" ("id");`,
    );
    this.addSql(`grant select, insert, update, delete on "person_purge_proposal" to liaison_app;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "person_purge_proposal" cascade;`);
  }
}
