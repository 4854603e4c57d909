// The app's build. Element Plus components are imported on demand (the resolver turns
// `<el-button>` into an import of that component and its CSS): the full import is ~385 kB gzipped.
// `npm run dev` proxies /api (and the WebSocket) to a server started with `make run`.
import vue from "@vitejs/plugin-vue";
import Components from "unplugin-vue-components/vite";
import { ElementPlusResolver } from "unplugin-vue-components/resolvers";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [
    vue(),
    Components({ resolvers: [ElementPlusResolver()], dts: "components.d.ts" }),
  ],
  server: {
    proxy: { "/api": { target: "http://127.0.0.1:8000", ws: true } },
  },
  build: {
    // Hashed files under /assets/ are served as immutable (src/mystocks/api/webapp.py).
    assetsDir: "assets",
    chunkSizeWarningLimit: 600,
  },
});
