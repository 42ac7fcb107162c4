// Benchmark: movement-timeline against vis-timeline, same browser, same data,
// same run. Usage (through scripts/bench.sh):
//   node bench.mjs [--smoke] [--runs R] [--sizes 100,1000,...] [--out FILE] [--cap SECONDS]
// Writes a markdown report (default docs/BENCHMARKS.md); --smoke runs N=1,000
// once and only checks that both sides complete without errors.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, statSync, rmSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";
import { gzip9 } from "../../scripts/gzip.mjs";
import { startServer } from "../e2e/server.mjs";
import { generate } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, "../..");
// BENCH_DIST measures another build (an A/B against the one before a change).
const DIST = process.env.BENCH_DIST || join(ROOT, "dist");
// BENCH_LIBS=ours skips vis-timeline (an A/B of two of our builds).
const LIBS = (process.env.BENCH_LIBS || "ours,vis").split(",");
const VIS = join(here, "node_modules/vis-timeline");

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const SMOKE = flag("--smoke");
const RUNS = Number(opt("--runs", SMOKE ? 1 : 5));
const SIZES = opt("--sizes", SMOKE ? "1000" : "100,1000,10000,100000").split(",").map(Number);
const CAP_MS = Number(opt("--cap", SMOKE ? 60 : 90)) * 1000;
const OUT = opt("--out", SMOKE ? join(tmpdir(), "movement-timeline-bench-smoke.md") : join(ROOT, "docs/BENCHMARKS.md"));

// ---- data ------------------------------------------------------------------

/** Earliest and exclusive-end ISO days of the generator's date forms. */
function bounds(date) {
  const [a, b] = date.split("/");
  const one = (s, end) => {
    const t = s.replace(/[~?%]$/, "");
    const [y, m, d] = t.split("-").map(Number);
    if (d) return end ? Date.UTC(y, m - 1, d + 1) : Date.UTC(y, m - 1, d);
    if (m >= 21) {
      const first = [3, 6, 9, 12][m - 21];
      return end ? Date.UTC(y, first + 2, 1) : Date.UTC(y, first - 1, 1);
    }
    if (m) return end ? Date.UTC(y, m, 1) : Date.UTC(y, m - 1, 1);
    return end ? Date.UTC(y + 1, 0, 1) : Date.UTC(y, 0, 1);
  };
  const start = one(a, false);
  if (b === undefined) return { start, end: null };
  return { start, end: b === ".." || b === "" ? Date.UTC(2026, 0, 1) : one(b, true) };
}

function visItems(data) {
  return {
    groups: data.organisations.map((o) => ({ id: o.id, content: o.abbreviation })),
    items: data.events.map((e) => {
      const { start, end } = bounds(e.date);
      const iso = (t) => new Date(t).toISOString().slice(0, 10);
      return end
        ? { id: e.id, group: e.org, content: e.title, start: iso(start), end: iso(end), type: "range" }
        : { id: e.id, group: e.org, content: e.title, start: iso(start) };
    }),
  };
}

// ---- sizes -----------------------------------------------------------------

function sizes(path) {
  const body = readFileSync(path);
  return {
    raw: body.length,
    gzip: gzip9(body).length,
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
function sum(list) {
  return list.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, br: a.br + s.br }), { raw: 0, gzip: 0, br: 0 });
}

// ---- one run ----------------------------------------------------------------

const percentile = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const withTimeout = (promise, ms) =>
  Promise.race([promise, new Promise((_, no) => setTimeout(() => no(new Error("timeout")), ms))]);

async function gesture(page, kind) {
  const box = await page.evaluate(() => window.target());
  const x = box.x + box.width / 2, y = box.y + Math.min(60, box.height / 2);
  await page.mouse.move(x, y);
  if (kind === "drag") {
    // Zoomed in first, untimed: at the fitted view the window cannot move,
    // and a drag there measured nothing (reports before 2026-12-07).
    for (let i = 0; i < 8; i++) {
      await page.mouse.wheel(0, -100);
      await sleep(16);
    }
    await page.evaluate(() => window.bench.doubleFrame());
    await sleep(300);
  }
  // BENCH_CPUPROFILE=prefix writes a CPU profile of each gesture
  // (prefix-wheel.cpuprofile, prefix-drag.cpuprofile), for DevTools.
  const profile = process.env.BENCH_CPUPROFILE && (await page.context().newCDPSession(page));
  if (profile) {
    await profile.send("Profiler.enable");
    await profile.send("Profiler.setSamplingInterval", { interval: 200 });
    await profile.send("Profiler.start");
  }
  // BENCH_TRACE=prefix writes a Chrome trace of each gesture
  // (prefix-wheel.json, prefix-drag.json): where the browser's own time
  // goes (style, layout, paint), which a CPU profile shows as "(program)".
  // `node trace-summary.mjs FILE` sums it.
  const trace = process.env.BENCH_TRACE;
  if (trace) {
    await page.context().browser().startTracing(page, {
      path: `${trace}-${kind}.json`,
      categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"],
    });
  }
  // BENCH_MUTATIONS=1 counts what the gesture did to the DOM: elements
  // added and removed, attributes changed (printed per gesture).
  const mutations = process.env.BENCH_MUTATIONS;
  if (mutations) {
    await page.evaluate(() => {
      // By the drawing a change is in: the lanes, the chart, or the rest.
      const seen = (window.mutations = {});
      const where = (n) => {
        const svg = n.closest?.("svg") ?? n.parentElement?.closest("svg");
        return svg ? (svg.getAttribute("class") || "svg").split(" ")[0] : "other";
      };
      const tally = (area, key, k) => {
        seen[area] ??= { added: 0, removed: 0, attributes: 0 };
        seen[area][key] += k;
      };
      const count = (nodes) => [...nodes].reduce((a, n) => a + (n.nodeType === 1 ? 1 + n.querySelectorAll("*").length : 0), 0);
      window.mutationObserver = new MutationObserver((records) => {
        for (const r of records) {
          const area = where(r.target);
          tally(area, "added", count(r.addedNodes));
          tally(area, "removed", count(r.removedNodes));
          if (r.type === "attributes") tally(area, "attributes", 1);
        }
      });
      const root = document.getElementById("host")?.shadowRoot ?? document.body;
      window.mutationObserver.observe(root, { subtree: true, childList: true, attributes: true });
    });
  }
  await page.evaluate(() => window.bench.start());
  if (kind === "wheel") {
    for (let i = 0; i < 60; i++) {
      await page.mouse.wheel(0, i < 30 ? -100 : 100);
      await sleep(16);
    }
  } else {
    await page.mouse.down();
    for (let i = 0; i < 60; i++) {
      await page.mouse.move(x + (i < 30 ? -i * 8 : -(60 - i) * 8), y);
      await sleep(16);
    }
    await page.mouse.up();
  }
  await sleep(100);
  if (trace) await page.context().browser().stopTracing();
  if (mutations) {
    const m = await page.evaluate(() => (window.mutationObserver.disconnect(), window.mutations));
    for (const [area, c] of Object.entries(m)) {
      console.log(`${kind}, ${area}: elements added ${c.added}, removed ${c.removed}; attributes changed ${c.attributes}`);
    }
  }
  if (profile) {
    const { profile: p } = await profile.send("Profiler.stop");
    writeFileSync(`${process.env.BENCH_CPUPROFILE}-${kind}.cpuprofile`, JSON.stringify(p));
  }
  const r = await page.evaluate(() => window.bench.stop());
  const frames = r.frames.slice(1);
  return {
    p50: percentile(frames, 50),
    p95: percentile(frames, 95),
    max: frames.length ? Math.max(...frames) : NaN,
    longTasks: r.longTasks.length,
    // Total blocking time: what the long tasks took beyond 50 ms each. It
    // moves with every millisecond saved, where frame percentiles move in
    // whole frames.
    blocking: r.longTasks.reduce((a, d) => a + Math.max(0, d - 50), 0),
    loafs: r.loafs.length,
  };
}

async function runOne(browser, server, lib, n) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  // Each phase has its own cap; a phase over the cap is recorded as "did
  // not finish", and the phases after it (which would wait for the same
  // busy page) are not measured.
  const result = { lib, n, errors, dnf: {} };
  const phase = async (name, f) => {
    try {
      return await withTimeout(f(), CAP_MS);
    } catch (e) {
      if (String(e).includes("timeout")) result.dnf[name] = true;
      else errors.push(`${name}: ${e}`);
      return undefined;
    }
  };
  try {
    await page.goto(`${server.url}/bench/pages/${lib}.html`);
    await page.waitForFunction(() => typeof window.runMount === "function" && window.bench);
    const dataUrl = lib === "ours" ? `/bench/data/ours-${n}.json` : `/bench/data/vis-${n}.json`;
    const mount = await phase("mount", () => page.evaluate((u) => window.runMount(u), dataUrl));
    result.ok = Boolean(mount?.ok) || Boolean(result.dnf.mount);
    if (mount) {
      result.mountMs = mount.ms;
      // Before any gesture: what the data and the first view hold (the
      // later figure adds the largest frame drawn while zooming).
      result.mountWasmMB = (await page.evaluate(() => window.wasmBytes())) / 1048576;
      result.wheel = await phase("wheel", () => gesture(page, "wheel"));
    }
    if (result.wheel) result.drag = await phase("drag", () => gesture(page, "drag"));
    if (result.drag) {
      result.nodes = await page.evaluate(() => window.nodes());
      const cdp = await context.newCDPSession(page);
      await cdp.send("HeapProfiler.collectGarbage");
      const heap = await cdp.send("Runtime.getHeapUsage");
      result.heapMB = heap.usedSize / 1048576;
      result.wasmMB = (await page.evaluate(() => window.wasmBytes())) / 1048576;
    }
  } catch (e) {
    result.ok = false;
    errors.push(String(e));
  } finally {
    // A page stuck in a long task may not close politely.
    await withTimeout(context.close(), 10000).catch(() => {});
  }
  return result;
}

// ---- report -----------------------------------------------------------------

const median = (xs) => percentile(xs.filter((x) => Number.isFinite(x)), 50);
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "–");
const kb = (b) => (b / 1024).toFixed(1);

function summarise(runs) {
  const pick = (f) => median(runs.map(f).filter((x) => x !== undefined));
  const dnf = (name) => runs.filter((r) => r.dnf[name]).length;
  return {
    runs: runs.length,
    dnf: { mount: dnf("mount"), wheel: dnf("wheel"), drag: dnf("drag") },
    mountMs: pick((r) => r.mountMs),
    wheelP50: pick((r) => r.wheel?.p50),
    wheelP95: pick((r) => r.wheel?.p95),
    wheelMax: pick((r) => r.wheel?.max),
    wheelLong: pick((r) => r.wheel?.longTasks),
    wheelLoaf: pick((r) => r.wheel?.loafs),
    wheelBlocking: pick((r) => r.wheel?.blocking),
    dragP50: pick((r) => r.drag?.p50),
    dragP95: pick((r) => r.drag?.p95),
    dragMax: pick((r) => r.drag?.max),
    dragLong: pick((r) => r.drag?.longTasks),
    dragBlocking: pick((r) => r.drag?.blocking),
    nodes: pick((r) => r.nodes),
    heapMB: pick((r) => r.heapMB),
    wasmMB: pick((r) => r.wasmMB),
    mountWasmMB: pick((r) => r.mountWasmMB),
  };
}

function machineLine() {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${process.platform} ${process.arch}`;
}

// ---- main -------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), "mt-bench-"));
const routes = {};
for (const n of SIZES) {
  const data = generate(n, 42);
  const ours = JSON.stringify(data);
  const vis = JSON.stringify(visItems(data));
  writeFileSync(join(work, `ours-${n}.json`), ours);
  writeFileSync(join(work, `vis-${n}.json`), vis);
}
// Compressed once, as a static host serves precompressed files.
const brCache = new Map();
const server = await startServer({
  root: DIST,
  compress: true,
  prefixRoutes: {
    "/bench/": async (req, res) => {
      const path = new URL(req.url, "http://x").pathname;
      const [, , area, ...rest] = path.split("/");
      const base = area === "data" ? work : area === "vis" ? VIS : area === "pages" ? join(here, "pages") : null;
      const file = base && rest.length ? join(base, ...rest) : null;
      if (!file || !file.startsWith(base)) return res.writeHead(404).end();
      const types = { ".js": "text/javascript", ".css": "text/css", ".html": "text/html", ".json": "application/json" };
      try {
        let body = readFileSync(file);
        const ext = file.slice(file.lastIndexOf("."));
        const accept = req.headers["accept-encoding"] || "";
        const headers = { "content-type": types[ext] || "application/octet-stream" };
        if (/\bbr\b/.test(accept) && body.length > 256) {
          if (!brCache.has(file)) {
            brCache.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: body.length > 4e6 ? 5 : 11 } }));
          }
          body = brCache.get(file);
          headers["content-encoding"] = "br";
        }
        res.writeHead(200, headers).end(body);
      } catch {
        res.writeHead(404).end();
      }
    },
  },
});

// Warm the compression caches so no timed request pays for compressing.
for (const path of ["/movement-timeline.wasm", "/movement-timeline.js", "/timeline.css",
  "/bench/vis/standalone/umd/vis-timeline-graph2d.min.js", "/bench/vis/styles/vis-timeline-graph2d.min.css",
  ...SIZES.flatMap((n) => [`/bench/data/ours-${n}.json`, `/bench/data/vis-${n}.json`])]) {
  for (const encoding of ["br", "gzip"]) {
    await (await fetch(server.url + path, { headers: { "accept-encoding": encoding } })).arrayBuffer();
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-frame-rate-limit", "--disable-gpu-vsync",
  ],
});
const chromiumVersion = browser.version();

const results = {};
let failures = 0;
for (const n of SIZES) {
  results[n] = { ours: [], vis: [] };
  for (let r = 0; r < RUNS; r++) {
    for (const lib of LIBS) {
      const one = await runOne(browser, server, lib, n);
      results[n][lib].push(one);
      const over = Object.keys(one.dnf);
      const status = one.dnf.mount ? `did not finish in ${CAP_MS / 1000} s` : `${fmt(one.mountMs)} ms`;
      const extra = over.filter((p) => p !== "mount").map((p) => `; ${p} did not finish in ${CAP_MS / 1000} s`).join("");
      console.log(`N=${n} run ${r + 1}/${RUNS} ${lib}: mount ${status}${extra}`);
      // A phase over its cap is a result for vis-timeline in a full run (it
      // is reported as "did not finish"), but a failure in the smoke pass,
      // and always for our own widget: a hang is never a pass.
      const hung = over.length > 0 && (SMOKE || lib === "ours");
      if (!one.ok || one.errors.length || hung) {
        failures++;
        console.error(`  failed: ${[...one.errors, ...over.map((p) => `${p} did not finish`)].join(" | ")}`);
      }
    }
  }
}
await browser.close();
await server.close();
rmSync(work, { recursive: true, force: true });

// Bytes on the wire.
const ourFiles = ["movement-timeline.wasm", "movement-timeline.js", "timeline.css"]
  .map((f) => ({ f, ...sizes(join(DIST, f)) }));
const visFiles = ["standalone/umd/vis-timeline-graph2d.min.js", "styles/vis-timeline-graph2d.min.css"]
  .map((f) => ({ f, ...sizes(join(VIS, f)) }));
const ourTotal = sum(ourFiles), visTotal = sum(visFiles);

const lines = [];
const today = new Date().toISOString().slice(0, 10);
lines.push("# Benchmarks: movement-timeline against vis-timeline", "");
lines.push(`Measured ${today} by \`scripts/bench.sh\`${SMOKE ? " (smoke run)" : ""}, in one run, same browser, same data.`, "");
lines.push(`- Browser: Chromium ${chromiumVersion}, headless, \`--disable-frame-rate-limit --disable-gpu-vsync\`, viewport 1280×720, a fresh context per run, runs in A B A B order (${RUNS} each).`);
lines.push(`- Machine: ${machineLine()}. Shared and noisy: compare the ratios, not the absolute numbers.`);
lines.push(`- Data: the seeded generator (\`tests/bench/generate.mjs\`, seed 42): four organisations, every kind, day/month/season/year/approximate/uncertain dates and intervals, quarterly membership series. vis-timeline gets the same events as items (intervals as ranges), one group per organisation, stacking on.`);
lines.push("- Mount: ours from `mount()` with the JSON text (parsing, validation, wasm instantiation included) to `data-state=\"ready\"` plus two animation frames; vis-timeline from `new vis.Timeline()` with ready-made items to its first `changed` event. Medians of the runs that finished.");
lines.push("- Frames: requestAnimationFrame intervals during 60 wheel steps 16 ms apart (30 in, 30 out) and during a 60-step drag (after zooming in by eight untimed wheel steps); long tasks from `PerformanceObserver`; total blocking time is the sum of each long task's time beyond 50 ms.", "");

lines.push("## Bytes on the wire (widget code and styles)", "");
lines.push("| library | file | raw | gzip | brotli |", "|---|---|---:|---:|---:|");
for (const f of ourFiles) lines.push(`| movement-timeline | ${f.f} | ${kb(f.raw)} KB | ${kb(f.gzip)} KB | ${kb(f.br)} KB |`);
lines.push(`| **movement-timeline** | **total** | **${kb(ourTotal.raw)} KB** | **${kb(ourTotal.gzip)} KB** | **${kb(ourTotal.br)} KB** |`);
for (const f of visFiles) lines.push(`| vis-timeline | ${f.f} | ${kb(f.raw)} KB | ${kb(f.gzip)} KB | ${kb(f.br)} KB |`);
lines.push(`| **vis-timeline** | **total** | **${kb(visTotal.raw)} KB** | **${kb(visTotal.gzip)} KB** | **${kb(visTotal.br)} KB** |`);
lines.push(`| ratio ours/theirs | | ${(ourTotal.raw / visTotal.raw).toFixed(2)} | ${(ourTotal.gzip / visTotal.gzip).toFixed(2)} | ${(ourTotal.br / visTotal.br).toFixed(2)} |`, "");

lines.push("## Runtime", "");
const metrics = [
  ["mount to first render (ms)", "mountMs", 1],
  ["wheel zoom: frame p50 (ms)", "wheelP50", 1],
  ["wheel zoom: frame p95 (ms)", "wheelP95", 1],
  ["wheel zoom: frame max (ms)", "wheelMax", 1],
  ["wheel zoom: long tasks", "wheelLong", 0],
  ["wheel zoom: long animation frames", "wheelLoaf", 0],
  ["wheel zoom: total blocking time (ms)", "wheelBlocking", 0],
  ["drag pan: frame p50 (ms)", "dragP50", 1],
  ["drag pan: frame p95 (ms)", "dragP95", 1],
  ["drag pan: frame max (ms)", "dragMax", 1],
  ["drag pan: long tasks", "dragLong", 0],
  ["drag pan: total blocking time (ms)", "dragBlocking", 0],
  ["DOM nodes", "nodes", 0],
  ["JS heap after GC (MB)", "heapMB", 1],
  ["wasm memory after mount (MB)", "mountWasmMB", 1],
  ["wasm memory (MB)", "wasmMB", 1],
];
const summaries = {};
for (const n of SIZES) {
  const o = summarise(results[n].ours), v = summarise(results[n].vis);
  summaries[n] = { o, v };
  lines.push(`### N = ${n.toLocaleString("en")} events`, "");
  for (const [name, sum] of [["movement-timeline", o], ["vis-timeline", v]]) {
    for (const [p, what] of [["mount", "mounting"], ["wheel", "the wheel-zoom gesture"], ["drag", "the drag gesture"]]) {
      if (sum.dnf[p]) lines.push(`${name} did not finish ${what} within ${CAP_MS / 1000} s in ${sum.dnf[p]} of ${sum.runs} runs; later phases of those runs were not measured.`, "");
    }
  }
  lines.push("| metric | movement-timeline | vis-timeline | ours/theirs |", "|---|---:|---:|---:|");
  for (const [label, key, digits] of metrics) {
    const a = o[key], b = v[key];
    const phaseOf = key.startsWith("mount") ? "mount" : key.startsWith("wheel") ? "wheel" : key.startsWith("drag") ? "drag" : "after";
    const text = (x, sum) => Number.isFinite(x) ? fmt(x, digits)
      : sum.dnf[phaseOf] ? `did not finish in ${CAP_MS / 1000} s`
      : Object.values(sum.dnf).some(Boolean) ? "not measured (an earlier phase did not finish)" : "–";
    const bText = text(b, v);
    const ratio = Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? (a / b).toFixed(3) : "–";
    lines.push(`| ${label} | ${text(a, o)} | ${bText} | ${ratio} |`);
  }
  lines.push("");
}

// Targets.
const big = SIZES.includes(100000) ? summaries[100000]?.o : null;
const mid = SIZES.includes(10000) ? summaries[10000]?.o : null;
const status = (ok) => (ok === undefined ? "not measured in this run" : ok ? "**met**" : "**not met**");
const wheelWorst = Math.max(...SIZES.map((n) => summaries[n].o.wheelP95).filter(Number.isFinite));
const longTotal = SIZES.reduce((a, n) => a + (summaries[n].o.wheelLong || 0), 0);
const nodeCounts = SIZES.map((n) => summaries[n].o.nodes);
lines.push("## Targets", "");
lines.push("| target | measured | status |", "|---|---|---|");
lines.push(`| wasm + JS + CSS ≤ 150 KB gzip | ${kb(ourTotal.gzip)} KB gzip, ${kb(ourTotal.br)} KB brotli | ${status(ourTotal.gzip <= 150 * 1024)} |`);
lines.push(`| mount ≤ 50 ms at 10,000 events | ${mid ? fmt(mid.mountMs) + " ms" : "–"} | ${status(mid ? mid.mountMs <= 50 : undefined)} |`);
lines.push(`| mount ≤ 250 ms at 100,000 events | ${big ? fmt(big.mountMs) + " ms" : "–"} | ${status(big ? big.mountMs <= 250 : undefined)} |`);
lines.push(`| wheel-zoom frame p95 ≤ 16.7 ms at every N | worst ${fmt(wheelWorst)} ms | ${status(Number.isFinite(wheelWorst) ? wheelWorst <= 16.7 : undefined)} |`);
lines.push(`| zero long tasks while wheel-zooming | ${longTotal} (sum of medians over N) | ${status(longTotal === 0)} |`);
lines.push(`| DOM nodes bounded, not growing with N | ${nodeCounts.map((c, i) => `${SIZES[i]}: ${fmt(c, 0)}`).join(", ")} | ${status(nodeCounts.length < 2 || Math.max(...nodeCounts) < 4000)} |`);
lines.push(`| memory ≤ 30 MB at 100,000 events (JS heap + wasm) | ${big ? fmt(big.heapMB + big.wasmMB) + " MB" : "–"} | ${status(big ? big.heapMB + big.wasmMB <= 30 : undefined)} |`);
lines.push("");
// The hand-kept part of the report (the weight history) survives a rerun.
const KEPT = "<!-- Kept by hand below:";
let kept = "";
try {
  const old = readFileSync(OUT, "utf8");
  if (old.includes(KEPT)) kept = old.slice(old.indexOf(KEPT));
} catch {
  // no report yet
}
writeFileSync(OUT, lines.join("\n") + (kept ? "\n" + kept : ""));
console.log(`report written to ${OUT}`);
if (failures) {
  console.error(`${failures} run(s) failed`);
  process.exit(1);
}
console.log(`bench: ${SIZES.length * RUNS * 2} passed, 0 failed`);
