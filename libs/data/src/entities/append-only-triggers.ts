/**
 * Refuses to change or remove rows of the trail, whoever asks (even the owner). Declared on the entities so that
 * generated migrations keep it instead of dropping it as unknown. The companion BEFORE TRUNCATE trigger is created
 * by the migration only: the ORM cannot see TRUNCATE triggers (information_schema omits them) and would recreate it.
 */
export const appendOnlyTrigger = () => ({
  name: 'append_only',
  timing: 'before' as const,
  events: ['update' as const, 'delete' as const],
  forEach: 'row' as const,
  body: `raise exception 'the audit trail is append-only: % on % refused', tg_op, tg_table_name using errcode = 'insufficient_privilege';`,
});
