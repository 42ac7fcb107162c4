// Trunk post-build step (run in the staging directory before it becomes
// dist/): the wasm-bindgen output "movement-timeline.{js,_bg.wasm}" becomes
// "movement-timeline-core.*", and the public ES module that embedders import,
// static/embed/movement-timeline.js, takes the name movement-timeline.js.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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
writeFileSync(join(stage, `${to}.js`), renamed);
renameSync(join(stage, `${from}_bg.wasm`), join(stage, `${to}_bg.wasm`));
let loader = readFileSync(new URL("../static/embed/movement-timeline.js", import.meta.url), "utf8");
if (process.env.MT_CRASH_TEST === "1") {
  // The crash-test build only (tests): a way to make a widget panic on
  // purpose. Release builds keep just the marker comment.
  loader = loader.replace("/* test hooks */",
    "api.simulateCrash = (where) => { call(() => handle.simulateCrash(String(where ?? \"action\"))); return api; };");
}
writeFileSync(js, loader);
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
console.log(`package-embed: ${to}.js, ${to}_bg.wasm and the loader ${from}.js are in place`);
