/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { fileURLToPath, URL } from "node:url";

// The build lands in the jar's static resources (target/classes/public); Maven runs it.
const backend = process.env.SWITCHBOARD_DEV_BACKEND ?? "http://localhost:8000";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  build: {
    // SWITCHBOARD_FRONTEND_OUT lets a UI developer build elsewhere while Maven builds run.
    outDir: process.env.SWITCHBOARD_FRONTEND_OUT ?? "../target/classes/public",
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      "/api": backend,
      "/ws": { target: backend.replace(/^http/, "ws"), ws: true },
    },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test/setup.ts"],
    css: false,
  },
});
