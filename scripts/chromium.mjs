// Debian's Chromium, headless, as every browser test and benchmark starts it: no sandbox
// (CI runs as root), and none of Chromium's background traffic, which this machine's
// closed network would refuse.
import { chromium } from "playwright-core";

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
