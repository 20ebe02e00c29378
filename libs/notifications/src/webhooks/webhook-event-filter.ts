/** An endpoint's filter entry: `*`, a family (`request.*`, `deadline.*`) or one type (`request.approve`). */
export const EVENT_FILTER_PATTERN = /^(\*|request\.(\*|[a-z][a-z_]*)|deadline\.(\*|overdue|reminder))$/;

export function matchesEventFilter(filters: readonly string[], eventType: string): boolean {
  const family = `${eventType.split('.')[0]}.*`;
  return filters.some((filter) => filter === '*' || filter === family || filter === eventType);
}
