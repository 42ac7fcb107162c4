// What an embedder ships, and where the wasm bytes are.
//   node tests/bench/size.mjs            sizes of dist/ (run after a release build)
//   node tests/bench/size.mjs --profile  also a twiggy profile, grouped by crate,
//                                        of the same code with its names kept
// scripts/size.sh builds first and passes its arguments here.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";
import { gzip9 } from "../../scripts/gzip.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DIST = join(ROOT, "dist");
const SHIPPED = ["movement-timeline.js", "movement-timeline.wasm", "timeline.css"];
const kb = (n) => (n / 1024).toFixed(1);

const rows = SHIPPED.map((f) => {
  const body = readFileSync(join(DIST, f));
  return {
    f,
    raw: body.length,
    gzip: gzip9(body).length,
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, br: a.br + r.br }), { raw: 0, gzip: 0, br: 0 });
console.log("| file | raw | gzip -9 | brotli 11 |\n|---|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.f} | ${kb(r.raw)} KB | ${kb(r.gzip)} KB | ${kb(r.br)} KB |`);
console.log(`| **total** | **${kb(total.raw)} KB** | **${kb(total.gzip)} KB** | **${kb(total.br)} KB** |`);

if (process.argv.includes("--profile")) profile();

/** Bindgen and wasm-opt the release wasm again, keeping the names section,
 *  and group twiggy's rows by the crate each function belongs to. Generic
 *  code shows under the crate that defines it (Yew's lifecycle holds our
 *  inlined component bodies). */
function profile() {
  const wasm = join(ROOT, "target/wasm32-unknown-unknown/release/movement_timeline.wasm");
  if (!existsSync(wasm)) throw new Error(`${wasm} is missing: build first`);
  const work = mkdtempSync(join(tmpdir(), "mt-size-"));
  try {
    execFileSync("wasm-bindgen", ["--target", "web", "--keep-debug", "--out-dir", work, wasm]);
    const named = join(work, "named.wasm");
    execFileSync("wasm-opt", ["-Oz", "-g", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
      "--enable-sign-ext", "--enable-mutable-globals", join(work, "movement_timeline_bg.wasm"), "-o", named]);
    const csv = execFileSync("twiggy", ["top", "-n", "1000000", "--format", "csv", named], { maxBuffer: 1 << 28 }).toString();
    const groups = new Map();
    let sum = 0;
    for (const line of csv.trim().split("\n").slice(1)) {
      const m = line.match(/^(".*"|[^,]*),(\d+),/);
      if (!m) continue;
      const name = m[1].replace(/^"|"$/g, "").replace(/""/g, '"');
      const size = Number(m[2]);
      if (/subsection|custom section/.test(name)) continue;
      const g = group(name);
      sum += size;
      groups.set(g, (groups.get(g) || 0) + size);
    }
    console.log(`\nwasm code and data by crate (${kb(sum)} KB raw, names excluded):\n`);
    console.log("| group | bytes | share |\n|---|---:|---:|");
    for (const [g, s] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
      console.log(`| ${g} | ${s} | ${((100 * s) / sum).toFixed(1)}% |`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function group(name) {
  if (name.startsWith("data segment")) return "(data segments: strings, tables)";
  const n = name.replace(/^<+/, "");
  const m = n.match(/^([a-z_][a-z0-9_]*)(\[[0-9a-f]+\])?::/);
  if (!m) return /^(elem|table|global|type|import|export|code\[)/.test(n) ? "(wasm structure)" : "(bindings shims, impls on primitives)";
  const crate = m[1];
  if (crate === "core" || crate === "alloc" || crate === "std") {
    if (/flt2dec|dec2flt|float/.test(name)) return `${crate}: floats`;
    if (/fmt/.test(name)) return `${crate}: fmt`;
    return crate;
  }
  if (crate === "movement_timeline") {
    const mm = name.match(/movement_timeline::([a-z_]+)(::([a-z_]+))?/);
    return `movement_timeline::${mm ? mm[1] + (mm[3] && (mm[1] === "view" || mm[1] === "core") ? `::${mm[3]}` : "") : "?"}`;
  }
  return crate;
}
