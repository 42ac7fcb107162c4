// Trunk post-build step (run in the staging directory before it becomes
// dist/):
// - the public ES module that embedders import,
//   static/embed/movement-timeline.js, becomes movement-timeline.js with
//   the wasm-bindgen bindings inside it (as a factory, one copy per widget),
//   and the module is movement-timeline.wasm;
// - both scripts are minified (terser) and the stylesheets minified;
// - the full page gets its prerendered view: the widget drawn natively by the
//   same Yew components by Yew's server renderer (`movement-timeline prerender`) on the
//   shipped data, shown until the WebAssembly takes over and kept by readers
//   without it;
// - every file a browser fetches gets a precompressed .gz and .br beside it,
//   for hosts that serve them (see the README).
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { gzip9 } from "./gzip.mjs";
import { createRequire } from "node:module";
import { createHash } from "node:crypto";

// The build tools' own packages (scripts/tools, installed by setup.sh).
const { minify } = createRequire(new URL("./tools/package.json", import.meta.url))("terser");

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) {
  console.error("package-embed: TRUNK_STAGING_DIR is not set (run through trunk build)");
  process.exit(1);
}
const name = "movement-timeline";
const bindings = join(stage, `${name}.js`);
if (!existsSync(bindings)) {
  console.error(`package-embed: ${bindings} is missing; did the rust pipeline run?`);
  process.exit(1);
}
// wasm-bindgen's no-modules output is one function expression holding the
// bindings' state; as `createCore()` each widget gets a fresh copy.
const glue = readFileSync(bindings, "utf8");
const head = "let wasm_bindgen = (function(exports) {";
if (!glue.startsWith(head) || !glue.trimEnd().endsWith("})({ __proto__: null });")) {
  console.error("package-embed: the bindings are not wasm-bindgen's no-modules shape any more; update this script");
  process.exit(1);
}
renameSync(join(stage, `${name}_bg.wasm`), join(stage, `${name}.wasm`));
const factory = `const createCore = () => (function(exports) {${fastStrings(shortNames(join(stage, `${name}.wasm`), glue)).slice(head.length)}`;

/**
 * Short import and export names. wasm-bindgen names each import after its
 * function plus a 16-digit hash (`__wbg_setAttribute_4f1b…`), written once
 * in the module and again in the bindings: 13 KB of names that compress
 * badly (3.6 KB gzip, docs/BENCHMARKS.md). wasm-opt renames every import,
 * export and import module to one or two letters and prints the mapping;
 * the bindings are rewritten to match, and any name left over stops the
 * build rather than ship a module whose bindings do not fit it.
 */
function shortNames(wasmPath, text) {
  const tool = new URL("./tools/node_modules/.bin/wasm-opt", import.meta.url).pathname;
  const out = execFileSync(existsSync(tool) ? tool : "wasm-opt",
    ["--minify-imports-and-exports-and-modules", "--strip-producers", "--strip-target-features", wasmPath, "-o", wasmPath], { encoding: "utf8" });
  const map = JSON.parse(out.slice(out.indexOf("{"), out.lastIndexOf("}") + 1));
  const fail = (why) => {
    console.error(`package-embed: short names: ${why}`);
    process.exit(1);
  };
  const modules = new Set(map.imports.map(([module]) => module));
  if (map.imports.length === 0 || modules.size !== 1) fail(`expected imports from one module, got ${[...modules]}`);
  const [oldModule] = modules;
  const newModule = firstImportModule(readFileSync(wasmPath));
  const quoted = (s) => JSON.stringify(s);
  const escape = (s) => s.replace(/[$.]/g, "\\$&");
  for (const [, base, short] of map.imports) {
    const key = new RegExp(`(?<![\\w$])${escape(base)}(?=\\s*:)`, "g");
    const found = text.match(key)?.length ?? 0;
    if (found !== 1) fail(`import ${base} appears ${found} times in the bindings`);
    text = text.replace(key, () => quoted(short));
  }
  for (const [long, short] of map.exports) {
    const use = new RegExp(`\\bwasm\\.${escape(long)}(?![\\w$])`, "g");
    const access = /^[A-Za-z_$][\w$]*$/.test(short) ? `wasm.${short}` : `wasm[${quoted(short)}]`;
    text = text.replace(use, () => access);
  }
  const shortExports = new Set(map.exports.map(([, short]) => short));
  for (const [, used] of text.matchAll(/\bwasm\.([\w$]+)/g)) {
    if (!shortExports.has(used)) fail(`the bindings use an export the module no longer has: ${used}`);
  }
  if (!text.includes(quoted(oldModule))) fail(`the bindings do not name the module ${oldModule}`);
  return text.replace(quoted(oldModule), () => quoted(newModule));
}

/**
 * Short ASCII strings from the module without TextDecoder. Every attribute
 * name and value the widget sets crosses here; TextDecoder's fixed cost per
 * call made decoding a fifth of a zoom frame's script at 10,000 events
 * (docs/BENCHMARKS.md). ASCII bytes are their own UTF-8 decoding; anything
 * longer or not ASCII still goes to TextDecoder.
 */
function fastStrings(text) {
  const old = `    function getStringFromWasm0(ptr, len) {
        ptr = ptr >>> 0;
        return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
    }`;
  const fast = `    function getStringFromWasm0(ptr, len) {
        ptr = ptr >>> 0;
        const bytes = getUint8ArrayMemory0();
        if (len < 64) {
            let s = "";
            for (let i = ptr, end = ptr + len; i < end; i++) {
                const c = bytes[i];
                if (c > 127) return decodeText(bytes.subarray(ptr, end));
                s += String.fromCharCode(c);
            }
            return s;
        }
        return decodeText(bytes.subarray(ptr, ptr + len));
    }`;
  if (text.split(old).length !== 2) {
    console.error("package-embed: getStringFromWasm0 is not wasm-bindgen's known shape any more; update fastStrings");
    process.exit(1);
  }
  return text.replace(old, () => fast);
}

/** The module name of a WebAssembly binary's first import. */
function firstImportModule(bytes) {
  let at = 8;
  const leb = () => {
    let n = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++];
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
    }
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    if (id === 2) {
      leb();
      const length = leb();
      return bytes.subarray(at, at + length).toString("utf8");
    }
    at += size;
  }
  throw new Error("package-embed: the module has no imports");
}

let loader = readFileSync(new URL("../static/embed/movement-timeline.js", import.meta.url), "utf8");
if (!loader.includes("/* core */")) {
  console.error("package-embed: the loader has no /* core */ marker for the bindings");
  process.exit(1);
}
loader = loader.replace("/* core */", () => factory);
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
writeFileSync(bindings, await terse(loader, true));

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
  if (existsSync(path) && readFileSync(path, "utf8").includes(`${name}_bg.wasm`)) {
    console.error(`package-embed: ${page} still references ${name}_bg.wasm:\n${readFileSync(path, "utf8")}`);
    process.exit(1);
  }
}

// The prerendered view, into the page's widget element. A native debug
// build of the command (the one the tests build), without the release
// build's flags, so neither build invalidates the other.
{
  const path = join(stage, "index.html");
  const marker = "<!-- prerendered view -->";
  const html = readFileSync(path, "utf8");
  if (!html.includes(marker)) {
    console.error(`package-embed: index.html has no ${marker} marker`);
    process.exit(1);
  }
  const env = { ...process.env };
  delete env.RUSTFLAGS;
  delete env.CARGO_ENCODED_RUSTFLAGS;
  const root = new URL("..", import.meta.url).pathname;
  const view = execFileSync(
    "cargo",
    ["run", "--quiet", "--locked", "--offline", "--bin", name, "--", "prerender", "static/data/movements.json"],
    { cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 26 },
  );
  writeFileSync(path, html.replace(marker, () => view.trim()));
}

// Subresource Integrity: the values to put on <script> and <link> tags
// (README "Hosting"), and on this build's own pages.
const sri = (file) => `sha384-${createHash("sha384").update(readFileSync(join(stage, file))).digest("base64")}`;
const integrity = { "movement-timeline.js": sri(`${name}.js`), "timeline.css": sri("timeline.css") };
writeFileSync(join(stage, "integrity.json"), `${JSON.stringify(integrity, null, 2)}\n`);
for (const page of ["index.html", "embed.html"]) {
  const path = join(stage, page);
  if (!existsSync(path)) continue;
  const html = readFileSync(path, "utf8").replace(
    /<script type="module" src="(\.\/)?movement-timeline\.js"><\/script>/,
    (tag) => tag.replace("></script>", ` integrity="${integrity["movement-timeline.js"]}"></script>`),
  );
  writeFileSync(path, html);
}

// The npm package (not published): the module, its wasm, stylesheet, types,
// the default data and a short README, in dist/package/.
{
  const dir = join(stage, "package");
  mkdirSync(join(dir, "data"), { recursive: true });
  const files = [`${name}.js`, `${name}.wasm`, `${name}.d.ts`, "timeline.css"];
  for (const file of files) copyFileSync(join(stage, file), join(dir, file));
  copyFileSync(join(stage, "data", "movements.json"), join(dir, "data", "movements.json"));
  const cargo = readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8");
  const field = (key) => new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, "m").exec(cargo)?.[1];
  const pkg = {
    name,
    version: field("version"),
    description: field("description"),
    license: field("license"),
    type: "module",
    main: `./${name}.js`,
    types: `./${name}.d.ts`,
    exports: {
      ".": { types: `./${name}.d.ts`, default: `./${name}.js` },
      [`./${name}.wasm`]: `./${name}.wasm`,
      "./timeline.css": "./timeline.css",
      "./data/movements.json": "./data/movements.json",
    },
    files: [...files, "data/movements.json", "README.md"],
    // Importing the module registers the <movement-timeline> element.
    sideEffects: [`./${name}.js`],
  };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(join(dir, "README.md"), `# ${name}

${pkg.description}.

\`\`\`js
import { mount } from "${name}";
const timeline = await mount(document.querySelector("#timeline"), { dataUrl: "/data/movements.json" });
\`\`\`

or \`<movement-timeline src="/data/movements.json"></movement-timeline>\` after importing the module.
Serve \`${name}.wasm\` and \`timeline.css\` next to \`${name}.js\` (a bundler copies them as
assets; \`new URL(…, import.meta.url)\` finds them). Types are in \`${name}.d.ts\`.
The data (\`data/movements.json\`) quotes Wikipedia: CC BY-SA.
`);
}

// Precompressed copies of everything a browser fetches.
const compressible = /\.(html|js|mjs|css|wasm|json|svg)$/;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "package") walk(path);
    }
    else if (compressible.test(name)) {
      const body = readFileSync(path);
      writeFileSync(`${path}.gz`, gzip9(body));
      writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
  }
};
walk(stage);
console.log(`package-embed: ${name}.js (loader and bindings) and ${name}.wasm are in place, minified and precompressed`);
