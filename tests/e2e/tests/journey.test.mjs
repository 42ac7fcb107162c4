// The core journey (../journey.mjs) in Chromium: the same steps the Firefox
// stage runs, so a failure there is the engine's, not the journey's.
import { journey } from "../journey.mjs";

journey("chromium");
