// vis-timeline: the same events as items, one group per organisation,
// stacking on; mount until the first "changed" event.
window.runMount = async (dataUrl) => {
  const items = await (await fetch(dataUrl)).json();
  const host = document.getElementById("host");
  const t0 = performance.now();
  let changed;
  const first = new Promise((ok) => { changed = ok; });
  const timeline = new vis.Timeline(host, items.items, items.groups, {
    stack: true,
    width: "1280px",
    zoomMin: 86400000 * 10,
  });
  timeline.once("changed", changed);
  await first;
  const ms = performance.now() - t0;
  window.timeline = timeline;
  return { ms, ok: true, state: "ready" };
};
window.target = () => document.querySelector("#host .vis-center").getBoundingClientRect().toJSON();
window.nodes = () => document.querySelectorAll("*").length;
window.wasmBytes = () => 0;
