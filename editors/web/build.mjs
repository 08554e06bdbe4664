// Builds dist/ (embedded by src/serve/assets.rs). Deterministic: no
// timestamps, no source maps, fixed target, so CI can rebuild and compare.
import * as esbuild from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";

mkdirSync("dist", { recursive: true });
await esbuild.build({
  entryPoints: ["src/app.js"],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  legalComments: "eof",
  charset: "utf8",
  outfile: "dist/app.js",
  logLevel: "warning",
});
await esbuild.build({
  entryPoints: ["src/app.css"],
  bundle: true,
  minify: true,
  charset: "utf8",
  outfile: "dist/app.css",
  logLevel: "warning",
});
copyFileSync("src/index.html", "dist/index.html");
