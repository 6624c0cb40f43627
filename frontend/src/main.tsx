import "./app.css";
import { createInertiaApp } from "@inertiajs/react";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { initTheme } from "./hooks/useTheme";
import AppLayout from "./layouts/AppLayout";

type PageModule = {
  default: { layout?: unknown } & ((props: never) => ReactNode);
};

const pages = import.meta.glob<PageModule>("./pages/**/*.tsx", { eager: false });

initTheme();

createInertiaApp({
  title: (title) => (title ? `${title} · Vodarr` : "Vodarr"),
  // The bar's CSS is in app.css: Inertia would inject a <style> element, which the
  // Content-Security-Policy (style-src 'self') refuses.
  progress: { delay: 150, includeCSS: false },
  // inertia-django 2 writes the first page into <script data-page="app" type="application/json">.
  defaults: { future: { useScriptElementForInitialPage: true } },
  resolve: async (name) => {
    const load = pages[`./pages/${name}.tsx`];
    if (!load) throw new Error(`Unknown page component: ${name}`);
    const page = (await load()).default;
    // Pages keep the app shell unless they bring their own (auth pages use GuestLayout).
    page.layout ??= (child: ReactNode) => <AppLayout>{child}</AppLayout>;
    return page;
  },
  setup({ el, App, props }) {
    createRoot(el).render(<App {...props} />);
  },
});
