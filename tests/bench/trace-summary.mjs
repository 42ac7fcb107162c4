// Sums a Chrome trace written by `BENCH_TRACE` by what the renderer's main
// thread did: script, style, layout, paint and the rest, as top-level
// slices (a slice inside another is counted in its parent only).
//   node trace-summary.mjs FILE.json
import { readFileSync } from "node:fs";

const file = process.argv[2];
if (!file) {
  console.error("usage: node trace-summary.mjs TRACE.json");
  process.exit(2);
}
const raw = JSON.parse(readFileSync(file, "utf8"));
const events = Array.isArray(raw) ? raw : raw.traceEvents;
const mainThreads = new Set(
  events
    .filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain")
    .map((e) => `${e.pid}:${e.tid}`),
);
// Complete slices ("X") of the main thread, and begin/end pairs joined.
const slices = [];
const open = new Map();
for (const e of events) {
  const thread = `${e.pid}:${e.tid}`;
  if (!mainThreads.has(thread)) continue;
  if (e.ph === "X" && e.dur) slices.push({ name: e.name, ts: e.ts, end: e.ts + e.dur });
  else if (e.ph === "B") open.set(`${thread}:${e.name}`, e);
  else if (e.ph === "E") {
    const b = open.get(`${thread}:${e.name}`);
    if (b) slices.push({ name: e.name, ts: b.ts, end: e.ts });
  }
}
slices.sort((a, b) => a.ts - b.ts || b.end - a.end);
// Self time per name: a slice's duration less its children's.
const self = new Map();
const stack = [];
const add = (name, us) => self.set(name, (self.get(name) || 0) + us);
for (const s of slices) {
  while (stack.length && stack[stack.length - 1].end <= s.ts) stack.pop();
  const parent = stack[stack.length - 1];
  if (parent) add(parent.name, -(Math.min(s.end, parent.end) - s.ts));
  add(s.name, s.end - s.ts);
  stack.push(s);
}
const rows = [...self.entries()].filter(([, us]) => us > 1000).sort((a, b) => b[1] - a[1]);
console.log("| main-thread slice (self time) | ms |");
console.log("|---|---:|");
for (const [name, us] of rows.slice(0, 25)) console.log(`| ${name} | ${(us / 1000).toFixed(0)} |`);
const total = [...self.values()].reduce((a, us) => a + us, 0);
console.log(`| all | ${(total / 1000).toFixed(0)} |`);
