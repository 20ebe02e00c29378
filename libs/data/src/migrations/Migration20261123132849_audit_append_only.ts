import { Migration } from '@mikro-orm/migrations';

/**
 * The trail becomes append-only in the database (docs/audit.md): triggers refuse UPDATE, DELETE and
 * TRUNCATE on `audit_event` and `audit_checkpoint` whoever asks (declared on the entities, so later generated
 * migrations keep them), and the apps connect as `liaison_app`, which owns nothing and may not change or remove
 * those rows. Migrations keep running as the owner. Also `audit_event.txid` and the signed Merkle checkpoints.
 */
export class Migration20261123132849_audit_append_only extends Migration {
  override name = 'Migration20261123132849_audit_append_only';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "audit_checkpoint" ("id" uuid not null, "seq" int not null, "xid_from" bigint not null, "xid_to" bigint not null, "tree_size" int not null, "root_hash" varchar(64) not null, "previous_hash" varchar(64) not null, "hash" varchar(64) not null, "signature" text not null, "key_id" varchar(64) not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "audit_checkpoint" add constraint "audit_checkpoint_seq_unique" unique ("seq");`);
    this.addSql(`create index "audit_checkpoint_xid_to_index" on "audit_checkpoint" ("xid_to");`);

    this.addSql(`alter table "audit_event" add "txid" bigint not null default ((pg_current_xact_id())::text)::bigint;`);
    this.addSql(`create index "audit_event_txid_id_index" on "audit_event" ("txid", "id");`);
    this.addSql(`create index "audit_event_actor_user_id_index" on "audit_event" ("actor_user_id");`);
    this.addSql(`create index "audit_event_actor_agency_id_index" on "audit_event" ("actor_agency_id");`);
    this.addSql(
      `create or replace function "audit_event_append_only_fn"() returns trigger as $$ begin raise exception 'the audit trail is append-only: % on % refused', tg_op, tg_table_name using errcode = 'insufficient_privilege'; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "append_only" BEFORE UPDATE OR DELETE on "audit_event" for each ROW execute function "audit_event_append_only_fn"();`,
    );

    this.addSql(
      `create or replace function "audit_checkpoint_append_only_fn"() returns trigger as $$ begin raise exception 'the audit trail is append-only: % on % refused', tg_op, tg_table_name using errcode = 'insufficient_privilege'; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "append_only" BEFORE UPDATE OR DELETE on "audit_checkpoint" for each ROW execute function "audit_checkpoint_append_only_fn"();`,
    );

    // TRUNCATE skips row triggers; the ORM cannot see statement-level TRUNCATE triggers, so they live here only.
    for (const table of ['audit_event', 'audit_checkpoint']) {
      this.addSql(
        `create trigger "no_truncate" before truncate on "${table}" for each statement execute function "${table}_append_only_fn"();`,
      );
    }

    // The application role: every DML privilege on every table, now and in later migrations (default privileges),
    // except changing or removing the trail. Cluster-wide, so it may already exist; LOGIN is given by deployment.
    this.addSql(
      `do $$ begin create role liaison_app nologin; exception when duplicate_object or unique_violation then null; end $$;`,
    );
    this.addSql(`do $$ declare s text := quote_ident(current_schema()); begin
      execute 'grant usage on schema ' || s || ' to liaison_app';
      execute 'grant select, insert, update, delete on all tables in schema ' || s || ' to liaison_app';
      execute 'grant usage, select, update on all sequences in schema ' || s || ' to liaison_app';
      execute 'alter default privileges in schema ' || s || ' grant select, insert, update, delete on tables to liaison_app';
      execute 'alter default privileges in schema ' || s || ' grant usage, select, update on sequences to liaison_app';
    end $$;`);
    this.addSql(`revoke update, delete, truncate on "audit_event", "audit_checkpoint" from liaison_app, public;`);
    this.addSql(`revoke all on "mikro_orm_migrations" from liaison_app;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "no_truncate" on "audit_checkpoint";`);
    this.addSql(`drop trigger if exists "append_only" on "audit_checkpoint";`);
    this.addSql(`drop function if exists "audit_checkpoint_append_only_fn"();`);
    this.addSql(`drop table if exists "audit_checkpoint" cascade;`);

    this.addSql(`drop index "audit_event_txid_id_index";`);
    this.addSql(`drop index "audit_event_actor_user_id_index";`);
    this.addSql(`drop index "audit_event_actor_agency_id_index";`);
    this.addSql(`drop trigger if exists "no_truncate" on "audit_event";`);
    this.addSql(`drop trigger if exists "append_only" on "audit_event";`);
    this.addSql(`drop function if exists "audit_event_append_only_fn"();`);
    this.addSql(`alter table "audit_event" drop column "txid";`);
  }
}
