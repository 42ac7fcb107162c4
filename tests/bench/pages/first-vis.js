// vis-timeline on the shipped 27 events: ready at its first "changed".
(async () => {
  const data = await (await fetch("/bench/data/vis-real.json")).json();
  const timeline = new vis.Timeline(document.getElementById("host"), data.items, data.groups, { stack: true });
  timeline.once("changed", () => { window.__ready = performance.now(); });
})();
