// Summarises a V8 .cpuprofile (node --cpu-prof): busy time by package and the
// functions with the most self and inclusive time, as shares of the busy time
// (everything except "(idle)", i.e. the event loop waiting for I/O).

export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<package>, node:<module>, our bundle, or V8's own pseudo-frames. */
function packageOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : `(native) ${functionName}`;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (modules) return modules;
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/dist/server/')) return 'app (dist/server)';
  return url.split('/').slice(-2).join('/');
}

function frameName(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const file = frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\/server\//, 'app:');
  return `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`.trim();
}

function table(title: string, entries: Map<string, number>, busy: number, top: number): string {
  const rows = [...entries.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  const lines = rows.map(
    ([name, micros]) => `${((100 * micros) / busy).toFixed(1).padStart(6)} %  ${name}`,
  );
  return [`\n${title}`, ...lines].join('\n');
}

/** `skipMicros`: leave out the first part of the profile (start-up, module loading). */
export function summariseProfile(profile: CpuProfile, top: number, skipMicros = 0): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const self = new Map<string, number>();
  const packages = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  let elapsed = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    elapsed += delta;
    if (elapsed < skipMicros) return;
    const node = byId.get(id);
    if (!node) return;
    if (node.callFrame.functionName === '(idle)') {
      idle += delta;
      return;
    }
    busy += delta;
    const name = frameName(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + delta);
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + delta);
    // Each function once per sample, however often it recurses.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || frame.functionName === '(root)') continue;
      const key = frameName(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
    }
  });
  const total = busy + idle;
  return [
    `busy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s sampled (${((100 * busy) / Math.max(total, 1)).toFixed(0)} %)`,
    table('Self time by package', packages, busy, top),
    table('Self time by function', self, busy, top),
    table('Inclusive time by function', inclusive, busy, top),
  ].join('\n');
}
