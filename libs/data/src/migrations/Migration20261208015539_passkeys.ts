import { Migration } from '@mikro-orm/migrations';

/** Passkeys (WebAuthn credentials): public keys only, gone with their user. */
export class Migration20261208015539_passkeys extends Migration {
  override name = 'Migration20261208015539_passkeys';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "passkey_credential" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "credential_id" varchar(1400) not null, "public_key" bytea not null, "counter" bigint not null default '0', "transports" text[] not null default '{}', "name" varchar(100) not null, "last_used_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "passkey_credential_user_id_index" on "passkey_credential" ("user_id");`);
    this.addSql(
      `alter table "passkey_credential" add constraint "passkey_credential_credential_id_unique" unique ("credential_id");`,
    );
    this.addSql(
      `alter table "passkey_credential" add constraint "passkey_credential_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );
    this.addSql(`grant select, insert, update, delete on "passkey_credential" to liaison_app;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "passkey_credential" cascade;`);
  }
}
