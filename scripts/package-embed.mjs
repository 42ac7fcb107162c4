// Trunk post-build step (run in the staging directory before it becomes
// dist/):
// - the wasm-bindgen output "movement-timeline.{js,_bg.wasm}" becomes
//   "movement-timeline-core.*", and the public ES module that embedders
//   import, static/embed/movement-timeline.js, takes the name
//   movement-timeline.js;
// - both scripts are minified (terser) and the stylesheets minified;
// - every file a browser fetches gets a precompressed .gz and .br beside it,
//   for hosts that serve them (see the README).
import { existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { createRequire } from "node:module";

// The build tools' own packages (scripts/tools, installed by setup.sh).
const { minify } = createRequire(new URL("./tools/package.json", import.meta.url))("terser");

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) {
  console.error("package-embed: TRUNK_STAGING_DIR is not set (run through trunk build)");
  process.exit(1);
}
const from = "movement-timeline", to = "movement-timeline-core";
const js = join(stage, `${from}.js`);
if (!existsSync(js)) {
  console.error(`package-embed: ${js} is missing; did the rust pipeline run?`);
  process.exit(1);
}
const glue = readFileSync(js, "utf8");
const renamed = glue.replaceAll(`${from}_bg.wasm`, `${to}_bg.wasm`);
if (renamed === glue) {
  console.error("package-embed: the bindings no longer name their wasm file; update this script");
  process.exit(1);
}
renameSync(join(stage, `${from}_bg.wasm`), join(stage, `${to}_bg.wasm`));

let loader = readFileSync(new URL("../static/embed/movement-timeline.js", import.meta.url), "utf8");
if (process.env.MT_CRASH_TEST === "1") {
  // The crash-test build only (tests): a way to make a widget panic on
  // purpose. Release builds keep just the marker comment.
  loader = loader.replace("/* test hooks */",
    "api.simulateCrash = (where) => { call(() => handle.simulateCrash(String(where ?? \"action\"))); return api; };");
}

// The loader keeps its opening comment (how to use it) and nothing else.
const terse = async (code, keepFirstComment) => {
  const out = await minify(code, {
    module: true,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: keepFirstComment ? /^\s*movement-timeline:/ : false },
  });
  if (!out.code) throw new Error("terser produced nothing");
  return out.code;
};
writeFileSync(join(stage, `${to}.js`), await terse(renamed, false));
writeFileSync(js, await terse(loader, true));

/** Comments and spare white space out of a stylesheet; strings kept. */
function minifyCss(css) {
  let out = "";
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === "/" && css[i + 1] === "*") {
      const end = css.indexOf("*/", i + 2);
      i = end < 0 ? css.length : end + 1;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = css.indexOf(c, i + 1);
      const stop = end < 0 ? css.length : end + 1;
      out += css.slice(i, stop);
      i = stop - 1;
      continue;
    }
    if (/\s/.test(c)) {
      while (i + 1 < css.length && /\s/.test(css[i + 1])) i++;
      const prev = out.at(-1);
      const next = css[i + 1];
      if (prev && next && !"{};:,>".includes(prev) && !"{};,>)".includes(next)) out += " ";
      continue;
    }
    out += c;
  }
  return out.replaceAll(";}", "}");
}
for (const name of ["timeline.css", "page.css", "embed-demo.css"]) {
  const path = join(stage, name);
  if (existsSync(path)) writeFileSync(path, minifyCss(readFileSync(path, "utf8")));
}

for (const page of ["index.html", "embed.html"]) {
  const path = join(stage, page);
  // With inject_scripts off, Trunk leaves its rust link tag behind.
  if (existsSync(path)) {
    writeFileSync(path, readFileSync(path, "utf8").replace(/\s*<link data-trunk rel="rust"[^>]*>/, ""));
  }
  if (existsSync(path) && readFileSync(path, "utf8").includes(`${from}_bg.wasm`)) {
    console.error(`package-embed: ${page} still references ${from}_bg.wasm:\n${readFileSync(path, "utf8")}`);
    process.exit(1);
  }
}

// Precompressed copies of everything a browser fetches.
const compressible = /\.(html|js|mjs|css|wasm|json|svg)$/;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (compressible.test(name)) {
      const body = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
  }
};
walk(stage);
console.log(`package-embed: ${to}.js, ${to}_bg.wasm and the loader ${from}.js are in place, minified and precompressed`);
