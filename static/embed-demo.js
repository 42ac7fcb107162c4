// The host page's own script: mounts a second timeline with the API and
// listens to what both timelines report.
import { mount } from "./movement-timeline.js";

const out = document.getElementById("last-selected");
function show(source, detail) {
  out.textContent = detail ? `${detail.title} (${detail.date}) in the ${source} timeline` : `nothing (${source} timeline)`;
  out.dataset.eventId = detail ? detail.id : "";
}

const dzns = await mount(document.getElementById("dzns-timeline"), {
  dataUrl: "data/movements.json",
  orgs: ["dzns"],
  window: { start: "2018-06", end: "2021-12" },
});
dzns.on("select", (e) => show("For a New Socialism", e));

document.getElementById("rsm-timeline").addEventListener("select", (e) => show("Russian Socialist Movement", e.detail));
