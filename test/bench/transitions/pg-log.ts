/** The SQL the api executed, read back from the PostgreSQL server log (log_min_duration_statement = 0). */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { withAdminClient } from '@liaison/testing';

/**
 * The server's log file: BENCH_PG_LOG, else pg_current_logfile(), else Debian's
 * /var/log/postgresql/postgresql-<major>-<cluster>.log; undefined when none is readable.
 */
export async function serverLogFile(): Promise<string | undefined> {
  const [current, version, cluster] = await withAdminClient(async (client) => [
    (await client.query<{ f: string | null }>('select pg_current_logfile() as f')).rows[0]?.f,
    (await client.query<{ v: string }>(`select current_setting('server_version_num') as v`)).rows[0]?.v,
    (await client.query<{ v: string }>(`select current_setting('cluster_name') as v`)).rows[0]?.v,
  ]);
  const dataDirectory = await withAdminClient(
    async (client) => (await client.query<{ v: string }>(`select current_setting('data_directory') as v`)).rows[0]?.v,
  ).catch(() => undefined);
  const major = String(Math.floor(Number(version) / 10_000));
  const candidates = [
    process.env['BENCH_PG_LOG'],
    current && (current.startsWith('/') ? current : dataDirectory && join(dataDirectory, current)),
    `/var/log/postgresql/postgresql-${(cluster || `${major}/main`).replace('/', '-')}.log`,
  ];
  return candidates.find((file): file is string => {
    if (!file || !existsSync(file)) return false;
    try {
      readFrom(file, Math.max(0, statSync(file).size - 1));
      return true;
    } catch {
      return false;
    }
  });
}

export function readFrom(file: string, offset: number): string {
  return readFileSync(file).subarray(offset).toString('utf8');
}

/** The statements (with their bound parameters put back as literals) one role@database executed, in order. */
export function statementsOf(log: string, who: string): string[] {
  const entries: string[] = [];
  for (const line of log.split('\n')) {
    if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/.test(line)) entries.push(line);
    else if (entries.length) entries[entries.length - 1] += `\n${line.replace(/^\t/, '')}`;
  }
  const statements: string[] = [];
  let pending: string | undefined;
  const flush = (parameters: Map<number, string> = new Map()) => {
    if (pending === undefined) return;
    statements.push(pending.replace(/\$(\d+)\b/g, (match, n: string) => parameters.get(Number(n)) ?? match));
    pending = undefined;
  };
  for (const entry of entries) {
    if (!entry.includes(` ${who} `)) continue;
    const executed = /LOG: {2}duration: [\d.]+ ms {2}(?:execute [^:]*|statement): ([\s\S]*)$/.exec(entry);
    if (executed) {
      flush();
      pending = executed[1].trim();
      continue;
    }
    const detail = /DETAIL: {2}parameters: ([\s\S]*)$/.exec(entry);
    if (detail && pending !== undefined) {
      const parameters = new Map<number, string>();
      for (const match of detail[1].matchAll(/\$(\d+) = (NULL|'(?:[^']|'')*')/g))
        parameters.set(Number(match[1]), match[2]);
      flush(parameters);
    }
  }
  flush();
  return statements;
}
