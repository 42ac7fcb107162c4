// What a reader of an article waits for, on the shipped data (all its events):
// navigation to first contentful paint and to a timeline the reader can
// use, for the built page and for vis-timeline 8 on the same events, fresh
// cache, gzip/brotli served, A B A B. Desktop unthrottled, and a phone
// profile (150 ms RTT, 1.6 Mbps down, CPU x4) through the DevTools protocol.
//   node tests/bench/firstpaint.mjs [--runs 5] [--out FILE]
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";
import { startServer } from "../e2e/server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, "../..");
const DIST = join(ROOT, "dist");
const VIS = join(here, "node_modules/vis-timeline");
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const RUNS = Number(opt("--runs", 5));
const OUT = opt("--out", null);

// The shipped data as vis-timeline items: day bounds of each EDTF date.
const data = JSON.parse(readFileSync(join(DIST, "data/movements.json"), "utf8"));
function day(text, end) {
  const t = text.replace(/[~?%]/g, "").replace(/X/g, end ? "9" : "0");
  const [y, m, d] = t.split("-").map(Number);
  if (d) return Date.UTC(y, m - 1, d + (end ? 1 : 0));
  if (m >= 21) return Date.UTC(y, [2, 5, 8, 11][m - 21] + (end ? 3 : 0), 1);
  if (m) return Date.UTC(y, m - 1 + (end ? 1 : 0), 1);
  return Date.UTC(y + (end ? 1 : 0), 0, 1);
}
const vis = JSON.stringify({
  groups: data.organisations.map((o) => ({ id: o.id, content: o.abbreviation })),
  items: data.events.map((e) => {
    // A choice of two dates ("[2020,2021]") is placed at the first, where
    // ours draws its glyph.
    const date = e.date.startsWith("[") ? e.date.slice(1, -1).split(",")[0] : e.date;
    const [a, b] = date.split("/");
    const item = { id: e.id, group: e.org, content: e.label ?? e.title, start: new Date(day(a, false)).toISOString() };
    if (b !== undefined) item.end = new Date(b ? day(b, true) : day(a, true)).toISOString();
    return item;
  }),
});

const brCache = new Map();
const visBr = brotliCompressSync(vis, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
const server = await startServer({
  root: DIST,
  compress: true,
  prefixRoutes: {
    "/bench/": (req, res) => {
      const path = new URL(req.url, "http://x").pathname;
      if (path === "/bench/data/vis-real.json") {
        return res.writeHead(200, { "content-type": "application/json", "content-encoding": "br" }).end(visBr);
      }
      const [, , area, ...rest] = path.split("/");
      const base = area === "vis" ? VIS : area === "pages" ? join(here, "pages") : null;
      const file = base && rest.length ? join(base, ...rest) : null;
      if (!file || !file.startsWith(base)) return res.writeHead(404).end();
      const type = { ".js": "text/javascript", ".css": "text/css", ".html": "text/html" }[file.slice(file.lastIndexOf("."))];
      try {
        // Brotli, compressed once, as our files are.
        if (!brCache.has(file)) brCache.set(file, brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        res.writeHead(200, { "content-type": type ?? "application/octet-stream", "content-encoding": "br" }).end(brCache.get(file));
      } catch {
        res.writeHead(404).end();
      }
    },
  },
});

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox"] });
const PAGES = { ours: "/", vis: "/bench/pages/first-vis.html" };
// Ours is ready when the live widget (the only element with its test id;
// the prerendered copy has none) says so.
const watchReady = () => {
  new MutationObserver((_, o) => {
    if (document.querySelector('[data-testid="timeline-root"][data-state="ready"]')) {
      window.__ready ??= performance.now();
      o.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
};

async function once(lib, phone) {
  const context = await browser.newContext({ viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 }, deviceScaleFactor: phone ? 3 : 1, isMobile: phone });
  const page = await context.newPage();
  if (lib === "ours") await page.addInitScript(watchReady);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (phone) {
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => { bytes += e.encodedDataLength; });
  await page.goto(`${server.url}${PAGES[lib]}`, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 120000, polling: 50 });
  const t = await page.evaluate(() => ({
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
    ready: window.__ready,
  }));
  await context.close();
  return { ...t, bytes };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const phone of [false, true]) {
  // One untimed load of each first: every file compressed and cached.
  for (const lib of ["ours", "vis"]) await once(lib, phone);
  const got = { ours: [], vis: [] };
  for (let r = 0; r < RUNS; r++) for (const lib of ["ours", "vis"]) got[lib].push(await once(lib, phone));
  const m = (lib, k) => median(got[lib].map((x) => x[k]));
  rows.push({ profile: phone ? "phone (150 ms RTT, 1.6 Mbps, CPU ×4)" : "desktop, unthrottled",
    oursFcp: m("ours", "fcp"), visFcp: m("vis", "fcp"), ours: m("ours", "ready"), vis: m("vis", "ready"),
    oursKB: m("ours", "bytes") / 1024, visKB: m("vis", "bytes") / 1024 });
}
await browser.close();
await server.close();

const f = (x) => Math.round(x).toLocaleString("en");
const lines = [
  `Medians of ${RUNS} runs each, A B A B, fresh cache, compressed transfer; ours is the built page (prerendered first view), vis-timeline 8 the same ${data.events.length} events as items.`,
  "",
  "| profile | first paint, ours | first paint, vis | usable timeline, ours | usable timeline, vis | ratio (usable) | bytes transferred, ours / vis |",
  "|---|---:|---:|---:|---:|---:|---:|",
  ...rows.map((r) => `| ${r.profile} | ${f(r.oursFcp)} ms | ${f(r.visFcp)} ms | ${f(r.ours)} ms | ${f(r.vis)} ms | ${(r.ours / r.vis).toFixed(2)} | ${r.oursKB.toFixed(0)} / ${r.visKB.toFixed(0)} KB |`),
];
console.log(lines.join("\n"));
if (OUT) writeFileSync(OUT, `${lines.join("\n")}\n`);
