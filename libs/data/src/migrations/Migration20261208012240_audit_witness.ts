import { Migration } from '@mikro-orm/migrations';

/**
 * How far the signed checkpoints have been published to the witness outside the database (docs/audit.md). Only the
 * worker's role, which publishes them, may read or move the cursor: `liaison_app`, the api's role, holds nothing on it.
 */
export class Migration20261208012240_audit_witness extends Migration {
  override name = 'Migration20261208012240_audit_witness';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "audit_witness_cursor" ("witness" varchar(1000) not null, "checkpoint_seq" int not null, "updated_at" timestamptz not null, primary key ("witness"));`,
    );
    this.addSql(`revoke all on "audit_witness_cursor" from liaison_app, public;`);
    this.addSql(`grant select, insert, update on "audit_witness_cursor" to liaison_worker;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "audit_witness_cursor" cascade;`);
  }
}
