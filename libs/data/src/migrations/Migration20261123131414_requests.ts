import { Migration } from '@mikro-orm/migrations';

export class Migration20261123131414_requests extends Migration {
  override name = 'Migration20261123131414_requests';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "audit_event" ("id" uuid not null, "stream" varchar(100) not null, "seq" int not null, "occurred_at" timestamptz not null, "actor_user_id" uuid null, "actor_agency_id" uuid null, "action" varchar(100) not null, "subject_type" varchar(50) not null, "subject_id" varchar(100) not null, "data" jsonb not null, "client_request_id" varchar(128) null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, primary key ("id"));`,
    );
    this.addSql(`create index "audit_event_occurred_at_index" on "audit_event" ("occurred_at");`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_stream_seq_unique" unique ("stream", "seq");`);

    this.addSql(
      `create table "idempotency_record" ("id" uuid not null, "user_id" uuid not null, "key" varchar(200) not null, "fingerprint" varchar(64) not null, "response_status" int null, "response_body" jsonb null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "idempotency_record" add constraint "idempotency_record_user_id_key_unique" unique ("user_id", "key");`,
    );

    this.addSql(
      `create table "outbox_message" ("id" uuid not null, "topic" varchar(64) not null, "request_id" uuid null, "payload" jsonb not null, "created_at" timestamptz not null, "published_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `create index "outbox_message_unpublished_index" on "outbox_message" ("created_at") where published_at is null;`,
    );

    this.addSql(
      `create table "reference_counter" ("kind" text not null, "year" int not null, "last" int not null, primary key ("kind", "year"));`,
    );

    this.addSql(
      `create table "task_force" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "description" text null, "lead_agency_id" uuid not null, "created_by_id" uuid not null, primary key ("id"));`,
    );

    this.addSql(
      `create table "task_force_member" ("id" uuid not null, "task_force_id" uuid not null, "user_id" uuid not null, "read_only" boolean not null default false, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "task_force_member_user_id_index" on "task_force_member" ("user_id");`);
    this.addSql(
      `alter table "task_force_member" add constraint "task_force_member_task_force_id_user_id_unique" unique ("task_force_id", "user_id");`,
    );

    this.addSql(
      `create table "request" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "reference" varchar(32) not null, "kind" text not null, "requesting_agency_id" uuid not null, "requested_agency_id" uuid not null, "created_by_id" uuid not null, "legal_basis" varchar(64) not null, "urgency" text not null default 'normal', "language" varchar(8) not null default 'en', "handling_code" text not null default 'H0', "handling_restriction" text null, "title" varchar(300) not null, "content" jsonb not null, "suggested_deadline" timestamptz null, "state" varchar(64) not null, "previous_state" varchar(64) null, "held_by_side" text null, "best_interests_outcome" varchar(32) null, "timers" jsonb not null, "version" int not null default 1, "overdue" boolean not null default false, "last_activity_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "request" add constraint "request_reference_unique" unique ("reference");`);

    this.addSql(
      `create table "task_force_request" ("id" uuid not null, "task_force_id" uuid not null, "request_id" uuid not null, "linked_by_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "task_force_request_request_id_index" on "task_force_request" ("request_id");`);
    this.addSql(
      `alter table "task_force_request" add constraint "task_force_request_task_force_id_request_id_unique" unique ("task_force_id", "request_id");`,
    );

    this.addSql(
      `create table "request_note" ("id" uuid not null, "request_id" uuid not null, "author_id" uuid not null, "text" text not null, "handling_code" text not null default 'H0', "language" varchar(8) not null default 'en', "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "request_note_request_id_index" on "request_note" ("request_id");`);

    this.addSql(
      `create table "request_link" ("id" uuid not null, "request_id" uuid not null, "linked_request_id" uuid not null, "relation" text not null, "created_by_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "request_link_request_id_index" on "request_link" ("request_id");`);
    this.addSql(`create index "request_link_linked_request_id_index" on "request_link" ("linked_request_id");`);
    this.addSql(
      `alter table "request_link" add constraint "request_link_request_id_linked_request_id_unique" unique ("request_id", "linked_request_id");`,
    );

    this.addSql(
      `create table "request_history" ("id" uuid not null, "request_id" uuid not null, "version" int not null, "event" varchar(64) not null, "from_state" varchar(64) not null, "to_state" varchar(64) not null, "actor_id" uuid not null, "actor_agency_id" uuid not null, "payload" jsonb not null, "occurred_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "request_history" add constraint "request_history_request_id_version_unique" unique ("request_id", "version");`,
    );

    this.addSql(
      `create table "person" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "request_id" uuid not null, "role" text not null, "identity" jsonb not null, "gender" text not null default 'unknown', "nationality" varchar(2) null, "minor" boolean null, "handling_code" text not null default 'H0', primary key ("id"));`,
    );
    this.addSql(`create index "person_request_id_index" on "person" ("request_id");`);

    this.addSql(
      `create table "attachment" ("id" uuid not null, "request_id" uuid not null, "file_name" varchar(255) not null, "content_type" varchar(100) not null, "size" bigint not null, "sha256" varchar(64) not null, "storage_key" varchar(300) not null, "handling_code" text not null default 'H0', "language" varchar(8) not null default 'en', "translation_attached" boolean not null default false, "uploaded_by_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "attachment_request_id_index" on "attachment" ("request_id");`);

    this.addSql(
      `alter table "reference_counter" add constraint "reference_counter_kind_check" check ("kind" in ('mla', 'extradition', 'repatriation'));`,
    );

    this.addSql(
      `alter table "task_force" add constraint "task_force_lead_agency_id_foreign" foreign key ("lead_agency_id") references "agency" ("id");`,
    );
    this.addSql(
      `alter table "task_force" add constraint "task_force_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id");`,
    );

    this.addSql(
      `alter table "task_force_member" add constraint "task_force_member_task_force_id_foreign" foreign key ("task_force_id") references "task_force" ("id");`,
    );
    this.addSql(
      `alter table "task_force_member" add constraint "task_force_member_user_id_foreign" foreign key ("user_id") references "app_user" ("id");`,
    );

    this.addSql(
      `alter table "request" add constraint "request_requesting_agency_id_foreign" foreign key ("requesting_agency_id") references "agency" ("id");`,
    );
    this.addSql(
      `alter table "request" add constraint "request_requested_agency_id_foreign" foreign key ("requested_agency_id") references "agency" ("id");`,
    );
    this.addSql(
      `alter table "request" add constraint "request_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id");`,
    );
    this.addSql(
      `alter table "request" add constraint "request_kind_check" check ("kind" in ('mla', 'extradition', 'repatriation'));`,
    );
    this.addSql(
      `alter table "request" add constraint "request_urgency_check" check ("urgency" in ('normal', 'urgent'));`,
    );
    this.addSql(
      `alter table "request" add constraint "request_handling_code_check" check ("handling_code" in ('H0', 'H1', 'H2', 'H3'));`,
    );
    this.addSql(
      `alter table "request" add constraint "request_held_by_side_check" check ("held_by_side" in ('requesting', 'requested'));`,
    );

    this.addSql(
      `alter table "task_force_request" add constraint "task_force_request_task_force_id_foreign" foreign key ("task_force_id") references "task_force" ("id");`,
    );
    this.addSql(
      `alter table "task_force_request" add constraint "task_force_request_request_id_foreign" foreign key ("request_id") references "request" ("id");`,
    );
    this.addSql(
      `alter table "task_force_request" add constraint "task_force_request_linked_by_id_foreign" foreign key ("linked_by_id") references "app_user" ("id");`,
    );

    this.addSql(
      `alter table "request_note" add constraint "request_note_request_id_foreign" foreign key ("request_id") references "request" ("id");`,
    );
    this.addSql(
      `alter table "request_note" add constraint "request_note_author_id_foreign" foreign key ("author_id") references "app_user" ("id");`,
    );
    this.addSql(
      `alter table "request_note" add constraint "request_note_handling_code_check" check ("handling_code" in ('H0', 'H1', 'H2', 'H3'));`,
    );

    this.addSql(
      `alter table "request_link" add constraint "request_link_request_id_foreign" foreign key ("request_id") references "request" ("id");`,
    );
    this.addSql(
      `alter table "request_link" add constraint "request_link_linked_request_id_foreign" foreign key ("linked_request_id") references "request" ("id");`,
    );
    this.addSql(
      `alter table "request_link" add constraint "request_link_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id");`,
    );
    this.addSql(
      `alter table "request_link" add constraint "request_link_relation_check" check ("relation" in ('supports', 'related', 'domestic_prosecution_follow_up'));`,
    );

    this.addSql(
      `alter table "request_history" add constraint "request_history_request_id_foreign" foreign key ("request_id") references "request" ("id");`,
    );
    this.addSql(
      `alter table "request_history" add constraint "request_history_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id");`,
    );
    this.addSql(
      `alter table "request_history" add constraint "request_history_actor_agency_id_foreign" foreign key ("actor_agency_id") references "agency" ("id");`,
    );

    this.addSql(
      `alter table "person" add constraint "person_request_id_foreign" foreign key ("request_id") references "request" ("id");`,
    );
    this.addSql(
      `alter table "person" add constraint "person_role_check" check ("role" in ('suspect', 'victim', 'witness'));`,
    );
    this.addSql(
      `alter table "person" add constraint "person_gender_check" check ("gender" in ('female', 'male', 'other', 'unknown'));`,
    );
    this.addSql(
      `alter table "person" add constraint "person_handling_code_check" check ("handling_code" in ('H0', 'H1', 'H2', 'H3'));`,
    );

    this.addSql(
      `alter table "attachment" add constraint "attachment_request_id_foreign" foreign key ("request_id") references "request" ("id");`,
    );
    this.addSql(
      `alter table "attachment" add constraint "attachment_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id");`,
    );
    this.addSql(
      `alter table "attachment" add constraint "attachment_handling_code_check" check ("handling_code" in ('H0', 'H1', 'H2', 'H3'));`,
    );
    // Search (GET /v1/requests): incoming and outgoing lists by recent activity, overdue flags, text by trigram.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(
      `create index "request_incoming_index" on "request" ("requested_agency_id", "last_activity_at" desc, "id" desc);`,
    );
    this.addSql(
      `create index "request_outgoing_index" on "request" ("requesting_agency_id", "last_activity_at" desc, "id" desc);`,
    );
    this.addSql(
      `create index "request_incoming_overdue_index" on "request" ("requested_agency_id", "last_activity_at" desc) where "overdue";`,
    );
    this.addSql(
      `create index "request_outgoing_overdue_index" on "request" ("requesting_agency_id", "last_activity_at" desc) where "overdue";`,
    );
    this.addSql(`create index "request_reference_trgm_index" on "request" using gin ("reference" gin_trgm_ops);`);
    this.addSql(`create index "request_title_trgm_index" on "request" using gin ("title" gin_trgm_ops);`);
    this.addSql(`create index "audit_event_subject_index" on "audit_event" ("subject_type", "subject_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "task_force_member" drop constraint "task_force_member_task_force_id_foreign";`);
    this.addSql(`alter table "task_force_request" drop constraint "task_force_request_task_force_id_foreign";`);
    this.addSql(`alter table "task_force_request" drop constraint "task_force_request_request_id_foreign";`);
    this.addSql(`alter table "request_note" drop constraint "request_note_request_id_foreign";`);
    this.addSql(`alter table "request_link" drop constraint "request_link_request_id_foreign";`);
    this.addSql(`alter table "request_link" drop constraint "request_link_linked_request_id_foreign";`);
    this.addSql(`alter table "request_history" drop constraint "request_history_request_id_foreign";`);
    this.addSql(`alter table "person" drop constraint "person_request_id_foreign";`);
    this.addSql(`alter table "attachment" drop constraint "attachment_request_id_foreign";`);

    this.addSql(`drop table if exists "audit_event" cascade;`);
    this.addSql(`drop table if exists "idempotency_record" cascade;`);
    this.addSql(`drop table if exists "outbox_message" cascade;`);
    this.addSql(`drop table if exists "reference_counter" cascade;`);
    this.addSql(`drop table if exists "task_force" cascade;`);
    this.addSql(`drop table if exists "task_force_member" cascade;`);
    this.addSql(`drop table if exists "request" cascade;`);
    this.addSql(`drop table if exists "task_force_request" cascade;`);
    this.addSql(`drop table if exists "request_note" cascade;`);
    this.addSql(`drop table if exists "request_link" cascade;`);
    this.addSql(`drop table if exists "request_history" cascade;`);
    this.addSql(`drop table if exists "person" cascade;`);
    this.addSql(`drop table if exists "attachment" cascade;`);
  }
}
