// Mistakes the types must catch (each line is an error tsc must report).
import { mount } from "movement-timeline";

async function misuse(): Promise<void> {
  const tl = await mount(document.body, { theme: "blue" });
  tl.on("zoom", () => {});
  tl.setWindow(2020, 2021);
  await mount(document.body, { wheelzoom: "always" });
}
void misuse();
