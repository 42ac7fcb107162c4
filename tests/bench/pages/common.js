// Shared measuring code for both pages: frame intervals from
// requestAnimationFrame, long tasks and long animation frames.
const bench = {
  frames: [],
  longTasks: [],
  loafs: [],
  recording: false,
  start() {
    this.frames = [];
    this.longTasks = [];
    this.loafs = [];
    this.recording = true;
    let last = performance.now();
    const tick = (t) => {
      if (!this.recording) return;
      this.frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  },
  stop() {
    this.recording = false;
    return { frames: this.frames, longTasks: this.longTasks, loafs: this.loafs };
  },
  doubleFrame() {
    return new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  },
};
for (const [type, list] of [["longtask", "longTasks"], ["long-animation-frame", "loafs"]]) {
  try {
    new PerformanceObserver((l) => {
      if (bench.recording) for (const e of l.getEntries()) bench[list].push(e.duration);
    }).observe({ type, buffered: false });
  } catch {
    /* not supported */
  }
}
// The bench page's own global, for the harness.
window.bench = bench;
