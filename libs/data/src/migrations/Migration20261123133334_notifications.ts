import { Migration } from '@mikro-orm/migrations';

export class Migration20261123133334_notifications extends Migration {
  override name = 'Migration20261123133334_notifications';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "deadline" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "request_id" uuid not null, "kind" varchar(64) not null, "due_at" timestamptz not null, "remaining_ms" bigint null, "legal_source" text not null, "responsible_side" text not null, "status" text not null default 'pending', "overdue_at" timestamptz null, "stopped_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "deadline_status_due_at_index" on "deadline" ("status", "due_at");`);
    this.addSql(
      `create unique index "deadline_open_unique" on "deadline" ("request_id", "kind") where stopped_at is null;`,
    );

    this.addSql(
      `create table "webhook_endpoint" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "agency_id" uuid not null, "url" varchar(2000) not null, "description" varchar(300) null, "events" text[] not null, "secret" varchar(100) not null, "active" boolean not null default true, "created_by_id" uuid not null, "deleted_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "webhook_endpoint_agency_id_index" on "webhook_endpoint" ("agency_id");`);

    this.addSql(
      `create table "webhook_delivery" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "endpoint_id" uuid not null, "event_id" varchar(100) not null, "event_type" varchar(100) not null, "occurred_at" timestamptz not null, "body" jsonb not null, "status" text not null default 'pending', "attempts" jsonb not null, "delivered_at" timestamptz null, "replays" int not null default 0, primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_delivery_endpoint_id_created_at_index" on "webhook_delivery" ("endpoint_id", "created_at");`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_event_id_unique" unique ("endpoint_id", "event_id");`,
    );

    this.addSql(
      `alter table "deadline" add constraint "deadline_responsible_side_check" check ("responsible_side" in ('requesting', 'requested'));`,
    );
    this.addSql(
      `alter table "deadline" add constraint "deadline_status_check" check ("status" in ('pending', 'paused', 'overdue', 'stopped'));`,
    );

    this.addSql(
      `alter table "webhook_endpoint" add constraint "webhook_endpoint_agency_id_foreign" foreign key ("agency_id") references "agency" ("id");`,
    );
    this.addSql(
      `alter table "webhook_endpoint" add constraint "webhook_endpoint_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id");`,
    );

    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id");`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_status_check" check ("status" in ('pending', 'delivered', 'failed', 'cancelled'));`,
    );

    // Wakes the relay right after commit (NOTIFY is delivered at commit, once per transaction and channel).
    this.addSql(`create or replace function "outbox_message_notify"() returns trigger language plpgsql as $$
begin
  perform pg_notify('outbox_message', '');
  return null;
end
$$;`);
    this.addSql(
      `create trigger "outbox_message_notify" after insert on "outbox_message" for each statement execute function "outbox_message_notify"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "outbox_message_notify" on "outbox_message";`);
    this.addSql(`drop function if exists "outbox_message_notify"();`);
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_endpoint_id_foreign";`);

    this.addSql(`drop table if exists "deadline" cascade;`);
    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
  }
}
