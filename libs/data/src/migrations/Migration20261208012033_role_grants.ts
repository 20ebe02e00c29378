import { Migration } from '@mikro-orm/migrations';

/**
 * Grants that wait for a second administrator (SUPERVISOR, AUDITOR, the platform-admin flag): one row per user and
 * grant at most, gone with the user. The app role gets its DML privileges explicitly, as well as through the default
 * privileges.
 */
export class Migration20261208012033_role_grants extends Migration {
  override name = 'Migration20261208012033_role_grants';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "role_grant" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "agency_id" uuid not null, "grant" varchar(32) not null, "proposed_by_id" uuid not null, primary key ("id"));`,
    );
    this.addSql(`create index "role_grant_agency_id_index" on "role_grant" ("agency_id");`);
    this.addSql(
      `alter table "role_grant" add constraint "role_grant_user_id_grant_unique" unique ("user_id", "grant");`,
    );
    this.addSql(
      `alter table "role_grant" add constraint "role_grant_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "role_grant" add constraint "role_grant_agency_id_foreign" foreign key ("agency_id") references "agency" ("id");`,
    );
    this.addSql(
      `alter table "role_grant" add constraint "role_grant_proposed_by_id_foreign" foreign key ("proposed_by_id") references "app_user" ("id");`,
    );
    this.addSql(`grant select, insert, update, delete on "role_grant" to liaison_app;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "role_grant" cascade;`);
  }
}
