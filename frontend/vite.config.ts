/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Django serves the built files from its static root and django-vite reads the manifest
// entry "src/main.tsx", so root, base, outDir and manifest path are a contract with it.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/static/dist/",
  plugins: [react(), tailwindcss()],
  // Two dependencies of Inertia's router replaced by what Vodarr uses of them, to keep the
  // Downloads page's first load under 150 kB gzipped (see each file; `make bench` prints it).
  // (qs took side-channel with it: 10 kB more, which an earlier shim had already cut.)
  resolve: {
    alias: {
      "laravel-precognition": fileURLToPath(new URL("src/shims/precognition.ts", import.meta.url)),
      qs: fileURLToPath(new URL("src/shims/qs.ts", import.meta.url)),
    },
  },
  build: {
    outDir: "../src/vodarr/web/static/dist",
    emptyOutDir: true,
    manifest: "manifest.json",
    rolldownOptions: {
      input: "src/main.tsx",
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    origin: "http://localhost:5173",
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
