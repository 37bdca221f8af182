// A small progress bar on stderr for long loads (issue 2: the large seed shows its
// progress). Matches seedLarge's onProgress(done, total, phase). On a terminal it
// redraws one line per phase; elsewhere (CI logs, pipes) it prints one line per
// phase when that phase completes, so logs stay short.
export type ProgressListener = (done: number, total: number, phase: string) => void;

const WIDTH = 30;

export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): ProgressListener {
  let phaseStartedAt = Date.now();
  let lastPhase = '';
  let lastDrawn = -1;

  return (done, total, phase) => {
    if (phase !== lastPhase) {
      lastPhase = phase;
      lastDrawn = -1;
      phaseStartedAt = Date.now();
    }
    const ratio = total > 0 ? Math.min(done / total, 1) : 1;
    const permille = Math.floor(ratio * 1000);
    const finished = done >= total;
    // Redraw only when the bar visibly moves, never for every batch.
    if (permille === lastDrawn && !finished) return;
    lastDrawn = permille;
    const seconds = ((Date.now() - phaseStartedAt) / 1000).toFixed(1);
    const filled = Math.round(ratio * WIDTH);
    const line = `${phase.padEnd(12)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(ratio * 100).toFixed(1).padStart(5)}%  ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}  ${seconds}s`;
    if (stream.isTTY) {
      stream.write(`\r${line}${finished ? '\n' : ''}`);
    } else if (finished) {
      stream.write(`${line}\n`);
    }
  };
}
