/** Self time of a V8 .cpuprofile over a window, by function and by category (package, library, node, GC). */
import { readFileSync } from 'node:fs';
import { ROOT } from './apps';

export interface ProfileSummary {
  /** Non-idle sampled time: wall time with the thread busy or runnable, not CPU time. */
  totalMs: number;
  byFunction: { name: string; ms: number }[];
  byCategory: { name: string; ms: number }[];
}

interface CpuProfile {
  startTime: number;
  endTime: number;
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

export function summariseProfile(file: string, window: { fromEnd: number; toEnd: number }): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<number, number>();
  const [from, to] = [profile.endTime - window.fromEnd, profile.endTime - window.toEnd];
  let time = profile.startTime;
  profile.samples.forEach((id, index) => {
    time += profile.timeDeltas[index] ?? 0;
    if (time < from || time > to) return;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const byFunction = new Map<string, number>();
  const byCategory = new Map<string, number>();
  let totalMs = 0;
  for (const [id, micros] of self) {
    const frame = nodes.get(id);
    if (!frame) continue;
    const ms = micros / 1000;
    if (frame.functionName === '(idle)') continue;
    totalMs += ms;
    const where = shortUrl(frame.url);
    const name = `${frame.functionName || '(anonymous)'}${where ? ` ${where}:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    const category = categoryOf(frame.url, frame.functionName);
    byCategory.set(category, (byCategory.get(category) ?? 0) + ms);
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => ({ name, ms }));
  return { totalMs, byFunction: top(byFunction, 30), byCategory: top(byCategory, 25) };
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const root = url.indexOf(ROOT);
  return root >= 0 ? url.slice(root + ROOT.length + 1) : url.replace(/^file:\/\//, '');
}

function categoryOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8 builtins)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.slice(url.lastIndexOf('node_modules/')));
  if (url.includes('node_modules/') && modules) return modules[1];
  if (url.startsWith('node:'))
    return `node:${url.slice(5).split('/')[0] === 'internal' ? url.slice(5).split('/').slice(0, 2).join('/') : url.slice(5)}`;
  const project = /\/(libs|apps)\/([^/]+)\//.exec(url);
  return project ? `${project[1]}/${project[2]}` : url;
}
