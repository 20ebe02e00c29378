import { Migration } from '@mikro-orm/migrations';

/**
 * Passwords the user owns (docs/accounts.md): single-use links for invitations and resets, and no password at all
 * while an invitation waits or after an administrator's reset. The app role gets its DML privileges explicitly, as
 * well as through the default privileges.
 */
export class Migration20261208010442_account_links extends Migration {
  override name = 'Migration20261208010442_account_links';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "account_link" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "purpose" text not null, "token_hash" varchar(64) not null, "token_sealed" bytea null, "token_key_id" varchar(16) null, "expires_at" timestamptz not null, "spent_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "account_link_user_id_index" on "account_link" ("user_id");`);
    this.addSql(`alter table "account_link" add constraint "account_link_token_hash_unique" unique ("token_hash");`);
    this.addSql(
      `alter table "account_link" add constraint "account_link_user_id_foreign" foreign key ("user_id") references "app_user" ("id");`,
    );
    this.addSql(
      `alter table "account_link" add constraint "account_link_purpose_check" check ("purpose" in ('invitation', 'reset', 'admin_reset'));`,
    );
    // a spent link keeps no way back to its token
    this.addSql(
      `alter table "account_link" add constraint "account_link_spent_sealed_check" check (spent_at is null or token_sealed is null);`,
    );
    this.addSql(`grant select, insert, update on "account_link" to liaison_app;`);
    this.addSql(`alter table "app_user" alter column "password_hash" drop not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "account_link" cascade;`);
    this.addSql(`update "app_user" set "password_hash" = '!' where "password_hash" is null;`);
    this.addSql(`alter table "app_user" alter column "password_hash" set not null;`);
  }
}
