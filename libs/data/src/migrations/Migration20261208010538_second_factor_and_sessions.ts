import { Migration } from '@mikro-orm/migrations';

/**
 * The second factor (TOTP secrets sealed under the master key, hashed recovery codes), the exemption the demo seed
 * and the test factories give their accounts, and sessions with an absolute end (refresh token families share
 * their id). The app role gets its DML privileges explicitly, as well as through the default privileges.
 */
export class Migration20261208010538_second_factor_and_sessions extends Migration {
  override name = 'Migration20261208010538_second_factor_and_sessions';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "totp_credential" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "secret_ciphertext" bytea not null, "secret_key_id" varchar(16) not null, "confirmed_at" timestamptz null, "last_used_step" bigint not null default '0', primary key ("id"));`,
    );
    this.addSql(`alter table "totp_credential" add constraint "totp_credential_user_id_unique" unique ("user_id");`);
    this.addSql(
      `alter table "totp_credential" add constraint "totp_credential_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );

    this.addSql(
      `create table "recovery_code" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "code_hash" varchar(64) not null, "used_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "recovery_code_user_id_index" on "recovery_code" ("user_id");`);
    this.addSql(
      `alter table "recovery_code" add constraint "recovery_code_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );

    this.addSql(
      `create table "auth_session" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "methods" text[] not null, "authenticated_at" timestamptz not null, "second_factor_at" timestamptz null, "last_used_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "client_ciphertext" bytea null, "client_key_id" varchar(16) null, primary key ("id"));`,
    );
    this.addSql(`create index "auth_session_user_id_index" on "auth_session" ("user_id");`);
    this.addSql(
      `alter table "auth_session" add constraint "auth_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );

    this.addSql(`alter table "app_user" add "second_factor_exempt" boolean not null default false;`);
    this.addSql(
      `grant select, insert, update, delete on "totp_credential", "recovery_code", "auth_session" to liaison_app;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "totp_credential" cascade;`);
    this.addSql(`drop table if exists "recovery_code" cascade;`);
    this.addSql(`drop table if exists "auth_session" cascade;`);
    this.addSql(`alter table "app_user" drop column "second_factor_exempt";`);
  }
}
