import { writeSnapshots } from '../sql/sql-snapshots';

/** `npm run sql:snapshots`: renders every statement builder's examples into its project's queries/ folder. */
const changed = writeSnapshots();
console.log(
  changed.length === 0 ? 'SQL snapshots are up to date' : `SQL snapshots written:\n  ${changed.join('\n  ')}`,
);
