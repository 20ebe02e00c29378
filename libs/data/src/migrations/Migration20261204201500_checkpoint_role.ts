import { Migration } from '@mikro-orm/migrations';

/**
 * Checkpoints get a database role of their own (docs/audit.md#the-trust-domain): `liaison_worker`, what the worker
 * connects as, is `liaison_app` (every privilege of it, later grants included, by membership) plus INSERT on
 * `audit_checkpoint`, which `liaison_app`, the api's role, loses. A compromised api can then neither sign nor store
 * a checkpoint. Cluster-wide, so it may already exist; LOGIN is given by deployment, as for `liaison_app`.
 */
export class Migration20261204201500_checkpoint_role extends Migration {
  override name = 'Migration20261204201500_checkpoint_role';

  override up(): void | Promise<void> {
    this.addSql(
      `do $$ begin create role liaison_worker nologin; exception when duplicate_object or unique_violation then null; end $$;`,
    );
    this.addSql(`grant liaison_app to liaison_worker;`);
    this.addSql(`revoke insert on "audit_checkpoint" from liaison_app, public;`);
    this.addSql(`grant insert on "audit_checkpoint" to liaison_worker;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`revoke insert on "audit_checkpoint" from liaison_worker;`);
    this.addSql(`grant insert on "audit_checkpoint" to liaison_app;`);
  }
}
