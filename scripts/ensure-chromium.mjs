// Makes sure the browser tests have a Chromium: uses CHROMIUM_PATH or /usr/bin/chromium,
// and installs Debian's package when it is missing and we are root. Otherwise it says
// exactly what to run.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(path)) process.exit(0);

const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
if (isRoot && hasApt) {
  console.error(`Chromium not found at ${path}; installing Debian's chromium package (once)...`);
  const run = (args) => spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status;
  if (run(["update"]) === 0 && run(["install", "-y", "--no-install-recommends", "chromium"]) === 0 && existsSync("/usr/bin/chromium")) process.exit(0);
}
console.error(
  `The browser tests need Chromium at ${path}.\n` +
  `  On Debian/Ubuntu run:  sudo apt-get update && sudo apt-get install -y chromium\n` +
  `  Or point CHROMIUM_PATH at an installed Chromium or Chrome binary.`);
process.exit(1);
