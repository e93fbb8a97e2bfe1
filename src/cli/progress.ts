// A one-line progress indicator for people at a terminal; silent for pipes and CI,
// and only after the first second, so quick runs print nothing extra.
const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 200;

export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done: number, listed: number) {
      if (!enabled) return;
      const now = Date.now();
      if (now - started < SHOW_AFTER_MS || now - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = now;
      drawn = true;
      const rate = done / ((now - started) / 1000);
      stream.write(`\r\x1b[2Kextracting: ${done}/${listed} files, ${rate.toFixed(0)} files/s`);
    },
    stop() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
