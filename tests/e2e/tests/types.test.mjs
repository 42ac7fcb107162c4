// The published types (dist/movement-timeline.d.ts) against the module:
// an author's example compiles under tsc --strict, mistakes do not, and
// every option, method and attribute the module reads is in the types.
// Then the npm package: packed, installed in a scratch project, imported in
// the browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DIST, launchBrowser } from "../lib.mjs";
import { startServer } from "../server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, "../../..");
const TSC = resolve(here, "../node_modules/typescript/bin/tsc");
const TYPES = join(DIST, "movement-timeline.d.ts");

const tsc = (config) => spawnSync(process.execPath, [TSC, "-p", join(ROOT, "tests/types", config)], { encoding: "utf8" });

/** A block of `text` from the line starting with `start` to its closing brace. */
function block(text, start) {
  const a = text.indexOf(start);
  assert.ok(a >= 0, `${start} is in the file`);
  return text.slice(a, text.indexOf("\n}", a));
}

/** What the module reads that the types do not declare. */
export function drift({ embedRs, loaderJs, dts }) {
  const missing = [];
  // The options are the fields of the serde struct, in camelCase.
  const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
  const options = [...block(embedRs, "pub struct MountOptions").matchAll(/\n\s+pub (\w+):/g)].map((m) => camel(m[1]));
  const declared = block(dts, "export interface MountOptions");
  for (const o of options) {
    if (["loader", "exporter"].includes(o)) continue; // the loader's own, not the author's
    if (!new RegExp(`\\n\\s+${o}\\?:`).test(declared)) missing.push(`option ${o}`);
  }
  const api = block(loaderJs, "  const api = {");
  const handle = block(dts, "export interface TimelineHandle");
  for (const [, method] of api.matchAll(/\n {4}(?:get )?(\w+)(?:\(|:)/g)) {
    if (!new RegExp(`\\n\\s+(readonly )?${method}[(?:<]`).test(handle)) missing.push(`method ${method}`);
  }
  const attrs = /const ATTRIBUTES = \[([^\]]*)\]/.exec(loaderJs)[1].match(/"([\w-]+)"/g).map((s) => s.slice(1, -1));
  const declaredAttrs = block(dts, "export interface MovementTimelineAttributes");
  for (const a of attrs) {
    if (!declaredAttrs.includes(a.includes("-") ? `"${a}"` : `${a}`)) missing.push(`attribute ${a}`);
  }
  return missing;
}

const sources = () => ({
  embedRs: readFileSync(join(ROOT, "src/embed/options.rs"), "utf8"),
  loaderJs: readFileSync(join(ROOT, "static/embed/movement-timeline.js"), "utf8"),
  dts: readFileSync(TYPES, "utf8"),
});

test("the build puts the types beside the module", () => {
  assert.ok(existsSync(TYPES));
  assert.match(readFileSync(TYPES, "utf8"), /export function mount\(/);
});

test("an author's example compiles against the types with tsc --strict", () => {
  const r = tsc("tsconfig.json");
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test("mistakes do not compile: a wrong theme, an unknown event, numbers for dates, a misspelt option", () => {
  const r = tsc("tsconfig.misuse.json");
  assert.notEqual(r.status, 0);
  for (const line of [5, 6, 7, 8]) assert.match(r.stdout, new RegExp(`misuse\\.ts\\(${line},`), `line ${line} is an error:\n${r.stdout}`);
});

test("every option, method and attribute the module reads is in the types", () => {
  assert.deepEqual(drift(sources()), []);
  // And the check itself notices a gap.
  const s = sources();
  assert.deepEqual(drift({ ...s, dts: s.dts.replace(/\n\s+wheelZoom\?:[^\n]*/, "") }), ["option wheelZoom"]);
  assert.deepEqual(drift({ ...s, dts: s.dts.replace(/\n\s+exportCsv\(\)[^\n]*/, "") }), ["method exportCsv"]);
});

test("the npm package packs, installs into a scratch project and mounts in the browser", async () => {
  const pkgDir = join(DIST, "package");
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  const cargo = readFileSync(join(ROOT, "Cargo.toml"), "utf8");
  assert.equal(pkg.version, /^version\s*=\s*"([^"]+)"/m.exec(cargo)[1]);
  assert.equal(pkg.type, "module");
  assert.equal(pkg.types, "./movement-timeline.d.ts");
  const scratch = mkdtempSync(join(tmpdir(), "mt-pack-"));
  try {
    const tarball = execFileSync("npm", ["pack", pkgDir, "--pack-destination", scratch, "--silent"], { encoding: "utf8" }).trim().split("\n").pop();
    writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
    execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", join(scratch, tarball)], { cwd: scratch });
    const installed = join(scratch, "node_modules/movement-timeline");
    for (const f of ["movement-timeline.js", "movement-timeline.wasm", "timeline.css", "movement-timeline.d.ts", "data/movements.json"]) {
      assert.ok(existsSync(join(installed, f)), `${f} is in the package`);
    }
    // A page that imports the package by its name (an import map, as a
    // bundler-less site would) and mounts a widget.
    writeFileSync(join(scratch, "index.html"), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<script type="importmap">{"imports":{"movement-timeline":"/node_modules/movement-timeline/movement-timeline.js"}}</script>
<script type="module" src="/main.js"></script></head><body><div id="t"></div></body></html>`);
    writeFileSync(join(scratch, "main.js"), `import { mount } from "movement-timeline";
const tl = await mount(document.getElementById("t"), { dataUrl: "/node_modules/movement-timeline/data/movements.json" });
tl.on("ready", (d) => { window.__ready = d.events; });`);
    const server = await startServer({ root: scratch });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${server.url}/index.html`);
      await page.waitForFunction(() => window.__ready === 30);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
