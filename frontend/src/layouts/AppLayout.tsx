import { usePage } from "@inertiajs/react";
import { lazy, type ReactNode, Suspense, useState } from "react";
import FlashToasts from "../components/FlashToasts";
import Header from "../components/Header";
import { useLiveChannel } from "../hooks/useLive";

// Loaded only when someone gets a link: most visits never need it.
const NewLinkDialog = lazy(() => import("../components/NewLinkDialog"));

export default function AppLayout({ children }: { children: ReactNode }) {
  useLiveChannel();
  const newLink = usePage().props.newLink;
  const [closed, setClosed] = useState<number | null>(null);
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-semibold focus:text-zinc-900 focus:shadow-lg"
      >
        Skip to content
      </a>
      <Header />
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8 outline-none sm:px-6 lg:px-8">
        {children}
      </main>
      <FlashToasts />
      {newLink && newLink.id !== closed && (
        <Suspense fallback={null}>
          <NewLinkDialog key={newLink.id} link={newLink} onClose={() => setClosed(newLink.id)} />
        </Suspense>
      )}
    </div>
  );
}
