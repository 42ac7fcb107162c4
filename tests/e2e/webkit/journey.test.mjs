// The core journey (../journey.mjs) in WebKitGTK, the engine family of
// Safari: Debian's WebKitWebDriver and MiniBrowser under Xvfb, driven by our
// own W3C WebDriver client (../webdriver.mjs): `scripts/test.sh webkit`.
import { journey } from "../journey.mjs";

journey("webkit");
