// movement-timeline: mount with the data as text, until ready + 2 frames.
import { mount } from "/movement-timeline.js";

window.runMount = async (dataUrl) => {
  const text = await (await fetch(dataUrl)).text();
  const host = document.getElementById("host");
  const t0 = performance.now();
  const tl = await mount(host, { data: text, wheelZoom: "always" });
  await new Promise((ok) => {
    const check = () => host.shadowRoot?.querySelector('[data-testid="timeline-root"][data-state]:not([data-state="loading"])')
      ? ok() : requestAnimationFrame(check);
    check();
  });
  await window.bench.doubleFrame();
  const ms = performance.now() - t0;
  const state = host.shadowRoot.querySelector('[data-testid="timeline-root"]').dataset.state;
  window.handle = tl;
  return { ms, ok: state === "ready", state };
};
window.target = () => host().shadowRoot.querySelector(".mt-plot").getBoundingClientRect().toJSON();
window.nodes = () => document.querySelectorAll("*").length + host().shadowRoot.querySelectorAll("*").length;
window.wasmBytes = () => window.handle?.memoryBytes() ?? 0;
const host = () => document.getElementById("host");
