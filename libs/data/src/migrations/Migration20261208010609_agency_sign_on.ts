import { Migration } from '@mikro-orm/migrations';

/**
 * An agency's OpenID Connect provider (single sign-on): one row per agency at most, the client secret sealed under
 * the master key. The app role gets its DML privileges explicitly, as well as through the default privileges.
 */
export class Migration20261208010609_agency_sign_on extends Migration {
  override name = 'Migration20261208010609_agency_sign_on';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "agency_sign_on" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "agency_id" uuid not null, "issuer" varchar(2000) not null, "client_id" varchar(300) not null, "client_secret_ciphertext" bytea not null, "client_secret_key_id" varchar(16) not null, "email_claim" varchar(100) not null default 'email', "accepted_amr" text[] not null default '{}', "accepted_acr" text[] not null default '{}', "enabled" boolean not null default true, "password_sign_in" boolean not null default true, "proven_at" timestamptz null, "updated_by_id" uuid not null, primary key ("id"));`,
    );
    this.addSql(`alter table "agency_sign_on" add constraint "agency_sign_on_agency_id_unique" unique ("agency_id");`);
    this.addSql(
      `create index "agency_sign_on_client_secret_key_id_index" on "agency_sign_on" ("client_secret_key_id");`,
    );
    this.addSql(
      `alter table "agency_sign_on" add constraint "agency_sign_on_agency_id_foreign" foreign key ("agency_id") references "agency" ("id");`,
    );
    this.addSql(
      `alter table "agency_sign_on" add constraint "agency_sign_on_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id");`,
    );
    this.addSql(`grant select, insert, update, delete on "agency_sign_on" to liaison_app;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "agency_sign_on" cascade;`);
  }
}
