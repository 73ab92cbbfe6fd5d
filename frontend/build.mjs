// Bundles the dashboard into src/wirescope/web/static (served by `wirescope serve`).
// Everything comes from npm at build time; the built files make no request outside the server they come from.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.env.WIRESCOPE_STATIC ?? join(here, "..", "src", "wirescope", "web", "static"));
const require = createRequire(import.meta.url);

rmSync(join(out, "assets"), { recursive: true, force: true });
mkdirSync(join(out, "assets"), { recursive: true });
await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  outfile: join(out, "assets", "app.js"),
  legalComments: "linked",
});
copyFileSync(join(here, "src", "style.css"), join(out, "assets", "app.css"));
// Natural Earth country shapes (public domain), as TopoJSON from the world-atlas package.
copyFileSync(require.resolve("world-atlas/countries-110m.json"), join(out, "assets", "countries-110m.json"));
// Swagger UI for /api/docs, served from here instead of FastAPI's default CDN.
const swagger = dirname(require.resolve("swagger-ui-dist/package.json"));
mkdirSync(join(out, "assets", "swagger"), { recursive: true });
for (const f of ["swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "LICENSE"]) {
  copyFileSync(join(swagger, f), join(out, "assets", "swagger", f));
}
writeFileSync(join(out, "index.html"), readFileSync(join(here, "src", "index.html")));
console.log(`dashboard built into ${out}`);
