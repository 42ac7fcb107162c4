// movement-timeline iframe host: load this script once on a page with
// <iframe class="movement-timeline" src=".../frame.html?..."> elements and
// each one takes its content's height. Only a number from that very
// iframe's window is used.
addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "movement-timeline:height") return;
  // A number and nothing else: no strings, lists or big integers.
  const height = data.height;
  if (typeof height !== "number" || !Number.isFinite(height) || height < 1 || height > 20000) return;
  for (const frame of document.querySelectorAll("iframe.movement-timeline")) {
    if (frame.contentWindow === event.source) frame.height = String(Math.ceil(height));
  }
});
