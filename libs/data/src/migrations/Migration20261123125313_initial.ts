import { Migration } from '@mikro-orm/migrations';

export class Migration20261123125313_initial extends Migration {
  override name = 'Migration20261123125313_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "agency" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "country" varchar(2) not null, "type" text not null, "central_authority" boolean not null default false, "accepted_languages" text[] not null default '{en}', primary key ("id"));`,
    );
    this.addSql(`alter table "agency" add constraint "agency_country_name_unique" unique ("country", "name");`);

    this.addSql(
      `create table "app_user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "agency_id" uuid not null, "email" varchar(320) not null, "display_name" varchar(200) not null, "password_hash" text not null, "roles" text[] not null default '{}', "platform_admin" boolean not null default false, "active" boolean not null default true, "language" varchar(8) not null default 'en', primary key ("id"));`,
    );
    this.addSql(`create index "app_user_agency_id_index" on "app_user" ("agency_id");`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(
      `create table "refresh_token" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "token_hash" varchar(64) not null, "family" uuid not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "refresh_token_user_id_index" on "refresh_token" ("user_id");`);
    this.addSql(`alter table "refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "refresh_token_family_index" on "refresh_token" ("family");`);

    this.addSql(
      `create table "inbox_item" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "recipient_id" uuid not null, "kind" varchar(100) not null, "title" varchar(300) not null, "body" text not null, "link" varchar(500) null, "dedup_key" varchar(200) not null, "read_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "inbox_item" add constraint "inbox_item_dedup_key_unique" unique ("dedup_key");`);
    this.addSql(
      `create index "inbox_item_recipient_id_read_at_created_at_index" on "inbox_item" ("recipient_id", "read_at", "created_at");`,
    );

    this.addSql(
      `alter table "agency" add constraint "agency_type_check" check ("type" in ('POLICE', 'PROSECUTION', 'MINISTRY_OF_JUSTICE', 'IMMIGRATION', 'SOCIAL_SERVICES', 'NGO'));`,
    );

    this.addSql(
      `alter table "app_user" add constraint "app_user_agency_id_foreign" foreign key ("agency_id") references "agency" ("id");`,
    );

    this.addSql(
      `alter table "refresh_token" add constraint "refresh_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id");`,
    );

    this.addSql(
      `alter table "inbox_item" add constraint "inbox_item_recipient_id_foreign" foreign key ("recipient_id") references "app_user" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "app_user" drop constraint "app_user_agency_id_foreign";`);
    this.addSql(`alter table "refresh_token" drop constraint "refresh_token_user_id_foreign";`);
    this.addSql(`alter table "inbox_item" drop constraint "inbox_item_recipient_id_foreign";`);

    this.addSql(`drop table if exists "agency" cascade;`);
    this.addSql(`drop table if exists "app_user" cascade;`);
    this.addSql(`drop table if exists "refresh_token" cascade;`);
    this.addSql(`drop table if exists "inbox_item" cascade;`);
  }
}
