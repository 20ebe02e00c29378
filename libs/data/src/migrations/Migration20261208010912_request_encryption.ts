import { Migration } from '@mikro-orm/migrations';

/**
 * Requests' personal data encrypted at rest (docs/personal-data.md): a data key per request in `request_key`,
 * wrapped by the master key; the content, notes' texts and history payloads sealed under it; attachments' bytes
 * encrypted in the store (`sealed`). A migration is not given the master key, so what is there moves to the
 * `clear_*` columns as it is: the worker seals every such row and file when it starts (`RequestSealingAtStart`),
 * and empties those columns.
 */
export class Migration20261208010912_request_encryption extends Migration {
  override name = 'Migration20261208010912_request_encryption';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "request_key" ("request_id" uuid not null, "wrapped_data_key" bytea not null, "master_key_id" varchar(16) not null, "created_at" timestamptz not null, primary key ("request_id"));`,
    );
    this.addSql(`create index "request_key_master_key_id_index" on "request_key" ("master_key_id");`);
    this.addSql(
      `alter table "request_key" add constraint "request_key_request_id_foreign" foreign key ("request_id") references "request" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "request" rename column "content" to "clear_content";`);
    this.addSql(`alter table "request" alter column "clear_content" drop not null;`);
    this.addSql(
      `alter table "request" add "sealed_content" bytea null, add "personal_data_purged_at" timestamptz null;`,
    );
    this.addSql(`alter table "request_note" rename column "text" to "clear_text";`);
    this.addSql(`alter table "request_note" alter column "clear_text" drop not null;`);
    this.addSql(`alter table "request_note" add "sealed_text" bytea null;`);
    this.addSql(`alter table "request_history" rename column "payload" to "clear_payload";`);
    this.addSql(`alter table "request_history" alter column "clear_payload" drop not null;`);
    this.addSql(`alter table "request_history" add "sealed_payload" bytea null;`);
    this.addSql(`alter table "attachment" add "sealed" boolean not null default false;`);
  }

  /** Gives back what was not sealed yet; sealed values need the master key, so they come back empty. */
  override down(): void | Promise<void> {
    this.addSql(`alter table "attachment" drop column "sealed";`);
    this.addSql(`alter table "request_history" drop column "sealed_payload";`);
    this.addSql(`update "request_history" set "clear_payload" = '{}' where "clear_payload" is null;`);
    this.addSql(`alter table "request_history" alter column "clear_payload" set not null;`);
    this.addSql(`alter table "request_history" rename column "clear_payload" to "payload";`);
    this.addSql(`alter table "request_note" drop column "sealed_text";`);
    this.addSql(`update "request_note" set "clear_text" = '' where "clear_text" is null;`);
    this.addSql(`alter table "request_note" alter column "clear_text" set not null;`);
    this.addSql(`alter table "request_note" rename column "clear_text" to "text";`);
    this.addSql(`alter table "request" drop column "sealed_content", drop column "personal_data_purged_at";`);
    this.addSql(`update "request" set "clear_content" = '{}' where "clear_content" is null;`);
    this.addSql(`alter table "request" alter column "clear_content" set not null;`);
    this.addSql(`alter table "request" rename column "clear_content" to "content";`);
    this.addSql(`drop table if exists "request_key" cascade;`);
  }
}
