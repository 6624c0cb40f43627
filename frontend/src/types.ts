/** Props the Django side sends; shared ones arrive on every page (vodarr.web). */

export type Role = "admin" | "member";

export interface User {
  id: number;
  name: string;
  email: string;
  role: Role;
}

export interface SharedProps {
  auth: { user: User | null };
  flash: { success: string | null; error: string | null };
  errors: Record<string, string>;
  app: { name: string; demoMode: boolean; registrationOpen: boolean };
  [key: string]: unknown;
}

export interface MediaCard {
  id: number;
  name: string;
  poster: string | null;
  year: number | null;
  rating: number | null;
  kind: "movie" | "series";
}

/**
 * One row of the Discover page's "active downloads". The server sends an empty list for
 * now; the fields follow the Downloads spec (aria2 figures as integers).
 */
export interface DownloadSummary {
  id: number;
  name: string;
  status: string;
  totalLength: number;
  completedLength: number;
  downloadSpeed: number;
}

declare module "@inertiajs/core" {
  interface InertiaConfig {
    sharedPageProps: SharedProps;
  }
}
