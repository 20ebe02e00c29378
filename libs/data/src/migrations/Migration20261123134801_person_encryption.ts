import { Migration } from '@mikro-orm/migrations';

/**
 * Persons' identifying data encrypted at rest (docs/personal-data.md): the clear `identity` jsonb gives way to an
 * AES-256-GCM envelope under a per-person data key wrapped by the master key `master_key_id` names, and `purged_at`
 * for identities destroyed. There is no production data yet, so the old column is dropped rather than converted.
 */
export class Migration20261123134801_person_encryption extends Migration {
  override name = 'Migration20261123134801_person_encryption';

  override up(): void | Promise<void> {
    this.addSql(`alter table "person" drop column "identity";`);
    this.addSql(
      `alter table "person" add "identity_ciphertext" bytea null, add "identity_iv" bytea null, add "identity_tag" bytea null, add "wrapped_data_key" bytea null, add "master_key_id" varchar(16) null, add "purged_at" timestamptz null;`,
    );
    this.addSql(`create index "person_master_key_id_index" on "person" ("master_key_id");`);
    this.addSql(
      `alter table "person" add constraint "person_identity_envelope_check" check ((purged_at is null and identity_ciphertext is not null and identity_iv is not null and identity_tag is not null and wrapped_data_key is not null and master_key_id is not null) or (purged_at is not null and identity_ciphertext is null and identity_iv is null and identity_tag is null and wrapped_data_key is null and master_key_id is null));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "person_master_key_id_index";`);
    this.addSql(`alter table "person" drop constraint "person_identity_envelope_check";`);
    this.addSql(
      `alter table "person" drop column "identity_ciphertext", drop column "identity_iv", drop column "identity_tag", drop column "wrapped_data_key", drop column "master_key_id", drop column "purged_at";`,
    );
    this.addSql(`alter table "person" add "identity" jsonb not null default '{}';`);
  }
}
