/** Requests closed before this are past retention at `now`; null when retention is 0 (identities kept). */
export function retentionCutoff(now: Date, years: number): Date | null {
  if (years <= 0) return null;
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}
