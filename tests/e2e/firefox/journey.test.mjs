// The core journey (../journey.mjs) in stock Firefox ESR, driven by
// puppeteer-core over WebDriver BiDi: `scripts/test.sh firefox`.
import { journey } from "../journey.mjs";

journey("firefox");
