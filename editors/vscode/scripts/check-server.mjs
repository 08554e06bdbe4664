// Run by vsce before packaging ("vscode:prepublish"): a package without the
// server binary in bin/ installs fine and then does nothing but fail to
// start, so packaging refuses loudly instead of shipping it.
// usage: node scripts/check-server.mjs [EXTENSION_DIR]
import { statSync, accessSync, constants } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const dir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "..");
const found = ["nianbao", "nianbao.exe"]
  .map((n) => join(dir, "bin", n))
  .filter((p) => {
    try {
      const s = statSync(p);
      if (!s.isFile() || s.size === 0) return false;
      // a Windows binary need not carry the executable bit
      if (!p.endsWith(".exe")) accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
if (found.length === 0) {
  console.error(
    `ERROR: no server binary in ${join(dir, "bin")} (nianbao or nianbao.exe).\n` +
      "The .vsix would install and then fail to start the language server.\n" +
      "Build it (cargo build --release), copy it to bin/, or use .ci/dist, which does both."
  );
  process.exit(1);
}
for (const p of found) console.log(`server: ${p} (${statSync(p).size} bytes)`);
