import { Head, Link, usePage } from "@inertiajs/react";
import DownloadListItem from "../components/DownloadListItem";
import EmptyState from "../components/EmptyState";
import OwnerFilter from "../components/OwnerFilter";
import PageHeader from "../components/PageHeader";
import Pagination from "../components/Pagination";
import { useDownloadStream } from "../hooks/useDownloadStream";
import { buttonClasses } from "../lib/ui";
import type { DownloadItem, Owner, Paginator } from "../types";

type DownloadsProps = {
  downloads: Paginator<DownloadItem>;
  filters?: { owners: number[] };
  ownerOptions?: Owner[];
};

export default function Downloads({ downloads, filters, ownerOptions }: DownloadsProps) {
  const isAdmin = usePage().props.auth.user?.role === "admin";
  const rows = useDownloadStream(downloads.data);
  const owners = filters?.owners ?? [];
  const filtered = owners.length > 0;

  return (
    <>
      <Head title="Downloads" />
      <PageHeader
        title="Downloads"
        description={
          isAdmin
            ? "Everything being downloaded to the server, by everyone. Progress updates live."
            : "What you have asked the server to download. Progress updates live."
        }
        actions={isAdmin && ownerOptions && <OwnerFilter options={ownerOptions} selected={owners} />}
      />

      {rows.length > 0 ? (
        <ul aria-label="Downloads" className="space-y-3">
          {rows.map((item) => (
            <li key={item.id}>
              <DownloadListItem item={item} showOwner={isAdmin} />
            </li>
          ))}
        </ul>
      ) : filtered ? (
        <EmptyState
          icon="filter"
          message="Nobody you picked has any downloads."
          action={
            <Link href="/downloads" className={buttonClasses("secondary", "py-1.5")}>
              Show everyone's
            </Link>
          }
        />
      ) : (
        <EmptyState
          icon="download"
          message="Nothing here yet. Open a movie, or an episode of a series, and press Download: the file is saved on the server and its progress shows up here."
          action={
            <div className="flex flex-wrap justify-center gap-2">
              <Link href="/movies" className={buttonClasses("primary", "py-1.5")}>
                Browse movies
              </Link>
              <Link href="/series" className={buttonClasses("secondary", "py-1.5")}>
                Browse series
              </Link>
            </div>
          }
        />
      )}

      {downloads.total > 0 && (
        <Pagination paginator={downloads} noun="downloads" preserveScroll={false} preserveState />
      )}
    </>
  );
}
