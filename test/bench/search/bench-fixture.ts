/** The scratch database of the search benchmark. */
export const BENCH_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/liaison_bench_search';

/** Task force i follows every BENCH_TASK_FORCE_SIZES[i]-th request: 2,000, 200 and 20 of a million. */
export const BENCH_TASK_FORCE_SIZES = [500, 5_000, 50_000];

/** The indexes the search is written for (migrations 20261123131414_requests and 20261123132228). */
export const SEARCH_INDEXES: Readonly<Record<string, string>> = {
  request_incoming_index: `create index "request_incoming_index" on "request" ("requested_agency_id", "last_activity_at" desc, "id" desc)`,
  request_outgoing_index: `create index "request_outgoing_index" on "request" ("requesting_agency_id", "last_activity_at" desc, "id" desc)`,
  request_incoming_overdue_index: `create index "request_incoming_overdue_index" on "request" ("requested_agency_id", "last_activity_at" desc) where "overdue"`,
  request_outgoing_overdue_index: `create index "request_outgoing_overdue_index" on "request" ("requesting_agency_id", "last_activity_at" desc) where "overdue"`,
  request_incoming_created_index: `create index "request_incoming_created_index" on "request" ("requested_agency_id", "created_at" desc, "id" desc)`,
  request_outgoing_created_index: `create index "request_outgoing_created_index" on "request" ("requesting_agency_id", "created_at" desc, "id" desc)`,
  request_reference_trgm_index: `create index "request_reference_trgm_index" on "request" using gin ("reference" gin_trgm_ops)`,
  request_title_trgm_index: `create index "request_title_trgm_index" on "request" using gin ("title" gin_trgm_ops)`,
};
