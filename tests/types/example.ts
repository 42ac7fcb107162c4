// A page author's use of the published types: compiled with tsc --strict
// against dist/movement-timeline.d.ts by tests/e2e/tests/types.test.mjs.
import { mount } from "movement-timeline";
import type { Dataset, MountOptions, TimelineHandle, SelectDetail } from "movement-timeline";

const options: MountOptions = {
  dataUrl: "data/movements.json",
  orgs: ["rsm"],
  kinds: "congress,arrest",
  window: { start: "2011", end: "2024-12" },
  theme: "dark",
  lang: "ru",
  wheelZoom: "always",
  height: 640,
  urlState: false,
  view: "orgs=rsm&from=2011",
  stylesheet: "/css/timeline.css",
};

async function main(): Promise<void> {
  const host = document.querySelector("#timeline");
  if (!host) return;
  const tl: TimelineHandle = await mount(host, options);
  tl.on("select", (d: SelectDetail | null) => console.log(d?.title, d?.kind));
  tl.on("rangechange", (r) => console.log(r.start.length + r.end.length));
  tl.on("ready", (r) => console.log(r.events.toFixed(0)));
  tl.on("error", (e) => console.log(e.message, e.location));
  const data: Dataset = { organisations: [], events: [], membership: [] };
  tl.setData(data).setFilter({ orgs: "rsm", text: "agent" }).setWindow("2020", "2021").setTheme("auto").setLang("en");
  const svg: string = await tl.exportSvg();
  const png: Blob = await tl.exportPng();
  const csv: string = await tl.exportCsv();
  console.log(svg.length, png.size, csv.length, (await tl.exportJson()).length, tl.memoryBytes(), tl.destroyed, tl.crashed);
  const el = document.createElement("movement-timeline");
  el.setAttribute("orgs", "dzns");
  el.addEventListener("select", (ev) => console.log(ev.detail?.id));
  const ready: TimelineHandle = await el.ready;
  ready.destroy();
  console.log(el.handle?.destroyed);
}
void main();
