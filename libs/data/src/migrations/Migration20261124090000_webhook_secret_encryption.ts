import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook secrets encrypted at rest (docs/notifications.md): the clear `secret` gives way to `secret_ciphertext`,
 * AES-256-GCM under the master key `secret_key_id` names, and rotation's `previous_secret_ciphertext` and
 * `secret_rotated_at`. A migration is not given the master key, so existing secrets move over as they are, with no
 * key id: the worker seals every such row when it starts (and `db:rotate-master-key` does too).
 */
export class Migration20261124090000_webhook_secret_encryption extends Migration {
  override name = 'Migration20261124090000_webhook_secret_encryption';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "webhook_endpoint" add "secret_ciphertext" bytea null, add "secret_key_id" varchar(16) null, add "previous_secret_ciphertext" bytea null, add "secret_rotated_at" timestamptz null;`,
    );
    this.addSql(`update "webhook_endpoint" set "secret_ciphertext" = convert_to("secret", 'UTF8');`);
    this.addSql(`alter table "webhook_endpoint" alter column "secret_ciphertext" set not null;`);
    this.addSql(`alter table "webhook_endpoint" drop column "secret";`);
    this.addSql(`create index "webhook_endpoint_secret_key_id_index" on "webhook_endpoint" ("secret_key_id");`);
    // a rotation happens on sealed secrets only: an old secret is never kept in clear
    this.addSql(
      `alter table "webhook_endpoint" add constraint "webhook_endpoint_previous_secret_sealed_check" check (previous_secret_ciphertext is null or secret_key_id is not null);`,
    );
  }

  /** Gives back the secrets not sealed yet; sealed ones need the master key, so those endpoints get a placeholder. */
  override down(): void | Promise<void> {
    this.addSql(`alter table "webhook_endpoint" add "secret" varchar(100) not null default 'whsec_lost';`);
    this.addSql(
      `update "webhook_endpoint" set "secret" = convert_from("secret_ciphertext", 'UTF8') where "secret_key_id" is null;`,
    );
    this.addSql(`alter table "webhook_endpoint" alter column "secret" drop default;`);
    this.addSql(`alter table "webhook_endpoint" drop constraint "webhook_endpoint_previous_secret_sealed_check";`);
    this.addSql(`drop index "webhook_endpoint_secret_key_id_index";`);
    this.addSql(
      `alter table "webhook_endpoint" drop column "secret_ciphertext", drop column "secret_key_id", drop column "previous_secret_ciphertext", drop column "secret_rotated_at";`,
    );
  }
}
