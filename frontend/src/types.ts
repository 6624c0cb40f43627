/** Props the Django side sends; shared ones arrive on every page (vodarr.web). */

export type Role = "admin" | "member";

export interface User {
  id: number;
  name: string;
  email: string;
  role: Role;
  /** May start downloads to the server; without it the person gets links instead. */
  mayDownload: boolean;
}

export interface SharedProps {
  auth: { user: User | null };
  flash: { success: string | null; error: string | null };
  errors: Record<string, string>;
  app: { name: string; demoMode: boolean; registrationOpen: boolean };
  /** Ids of the titles on the person's watchlist (null for guests); marks every card. */
  watchlist: { movie: number[]; series: number[] } | null;
  /** The header's badge (null for guests); refreshed on every navigation. */
  notifications: { unread: number } | null;
  /** The person's live channel, and the page's render time (epoch ms): signed-in pages only. */
  live: LiveInfo | null;
  /** A link the person just got, shown once (its token is not kept). */
  newLink: NewLink | null;
  [key: string]: unknown;
}

export interface LiveInfo {
  url: string;
  since: number;
}

export interface MediaCard {
  id: number;
  name: string;
  poster: string | null;
  year: number | null;
  rating: number | null;
  kind: "movie" | "series";
  /** How many versions of the title the provider lists (4K, FR…): one card for them all. */
  versions: number;
  /** What the server has of the title (pages that list cards send it; null: nothing). */
  download?: DownloadBadge | null;
}

/**
 * What the server has of a title, whoever asked for it: `downloaded` (the file is on the
 * server), `downloading`/`queued`/`paused` (someone's download of it is under way), or `failed`
 * (shown to the people who asked, and admins). A series sums its episodes: `done` of `files`.
 */
export interface DownloadBadge {
  state: "downloaded" | "downloading" | "queued" | "paused" | "failed";
  percent: number | null;
  done: number;
  files: number;
}

/** A category in the browse pages' filter (pinned ones come first). */
export interface Category {
  id: number;
  name: string;
  pinned?: boolean;
}

/** A category on the Categories page, with the person's choices. */
export interface CategoryRow {
  id: number;
  name: string;
  hidden: boolean;
  pinned: boolean;
  /** An admin hid it from everyone. */
  hiddenForEveryone: boolean;
}

/** A pinned category's row on Discover. */
export interface PinnedRow {
  category: { id: number; name: string; kind: "movie" | "series" };
  items: MediaCard[];
}

/**
 * Django's page of results in the Laravel-style shape the pages share. The URLs keep the
 * page's filters (and, on the browse pages, the `as_of` snapshot time).
 */
export interface Paginator<T> {
  data: T[];
  current_page: number;
  last_page: number;
  per_page: number;
  total: number;
  from: number | null;
  to: number | null;
  next_page_url: string | null;
  prev_page_url: string | null;
}

/**
 * aria2's status names, plus Vodarr's "verifying": aria2 finished, the worker has not yet
 * checked that the file is real media (then "complete", or "error" with the reason).
 * "canceled" only ever comes from Vodarr's own bookkeeping.
 */
export type Aria2Status =
  | "active"
  | "waiting"
  | "paused"
  | "error"
  | "complete"
  | "removed"
  | "verifying";

export interface DownloadFile {
  index: number;
  path: string;
  length: number;
  completedLength: number;
  selected: boolean;
}

/** aria2's view of a download: live, or the last state Vodarr recorded. */
export interface DownloadStatusInfo {
  gid: string;
  status: Aria2Status | string | null;
  totalLength: number;
  completedLength: number;
  downloadSpeed: number;
  errorCode: string | number | null;
  errorMessage: string | null;
  dir: string;
  files: DownloadFile[];
  /** live: aria2 answered now; recorded: the database's record; last_known: aria2 did not answer. */
  source: "live" | "recorded" | "last_known";
  updatedAt?: string | null;
}

export interface DownloadMedia {
  type: "VodStream" | "Series" | string;
  id: number;
  name: string;
  poster: string | null;
  year: number | null;
  /** Series name for an episode, null for a movie. */
  series: string | null;
  season: number | null;
  episode: number | null;
  /** Episode title for an episode; the movie's name for a movie. */
  title: string | null;
}

/** What ffprobe found in a verified file. */
export interface MediaProbe {
  container: string;
  duration_secs: number | null;
  width: number | null;
  height: number | null;
  video_codec: string | null;
  audio_codecs: string[];
  audio_languages: string[];
  subtitle_languages: string[];
}

export interface Owner {
  id: number;
  name: string;
  email: string;
}

/**
 * A person's download as every page sends it: a row of the Downloads page (and of a
 * `downloads` Server-Sent Event), a title page's download state, Discover's "downloading now".
 */
export interface DownloadItem {
  id: number;
  gid: string;
  user_id: number;
  downloadable_type: "VodStream" | "Series" | string;
  downloadable_id: number;
  episode_id: number | null;
  season: number | null;
  episode: number | null;
  canceled_at: string | null;
  retry_next_at: string | null;
  desired_paused: boolean;
  retry_attempt: number;
  last_error_code: string | number | null;
  last_error_message: string | null;
  output_path: string | null;
  created_at: string | null;
  finished_at: string | null;
  /** What is inside the file, once it passed verification; null before (and when refused). */
  probe: MediaProbe | null;
  media: DownloadMedia;
  downloadStatus: DownloadStatusInfo;
  /** What the server allows right now; the UI offers exactly these. */
  actions: string[];
  /** The Downloads page tab it belongs to. */
  state: DownloadState;
  /** Episodes started together share it: one group row on the Downloads page. */
  batch: string | null;
  /** Why it failed, in a sentence (state `failed` only); `detail` is aria2's own words, for admins. */
  failure: DownloadFailure | null;
  /** Admins only. */
  owner?: Owner;
}

export type DownloadState = "active" | "queued" | "paused" | "failed" | "completed" | "canceled";

export interface DownloadFailure {
  reason: string;
  code: number | null;
  detail: string | null;
}

/** Downloads per state, `attention` (failed with no automatic retry pending), `all`, `entries`. */
export type DownloadCounts = Record<DownloadState | "attention" | "all" | "entries", number>;

export interface DownloadFilters {
  owners: number[];
  status: DownloadState[];
  q: string;
  /** One batch opened on a page of its own ("" for the whole list). */
  batch: string;
}

/**
 * The episodes of a long batch the Downloads page left out of its group row (it brings at
 * most a dozen): how many, per state, their progress summed (a finished one counts 1), their
 * seasons. Keyed by batch in the page's `groupRest` prop.
 */
export interface GroupRest {
  count: number;
  states: Partial<Record<DownloadState, number>>;
  progress: number;
  seasons: number[];
}

export type BrowseSort = "latest" | "rating" | "name";

export interface BrowseFilters {
  category: string | null;
  sort: BrowseSort | string;
}

export interface MovieDetail {
  id: number;
  name: string;
  poster: string | null;
  backdrop: string | null;
  plot: string | null;
  year: number | null;
  rating: number | null;
  durationSecs: number | null;
  genre: string | null;
  cast: string | null;
  director: string | null;
  releaseDate: string | null;
  containerExtension: string | null;
  /** The catalogue category (its id filters `/movies?category=`). */
  category: { id: number; name: string } | null;
  /** A link to the trailer (YouTube or the provider's), or null. */
  trailer: string | null;
  technical: TechnicalDetails | null;
}

/** What the provider's own probe says about a file; every field may be missing. */
export interface TechnicalDetails {
  width: number | null;
  height: number | null;
  videoCodec: string | null;
  videoProfile: string | null;
  frameRate: number | null;
  hdr: string | null;
  audioCodec: string | null;
  audioChannels: number | null;
  audioLayout: string | null;
  audioLanguage: string | null;
  bitrateKbps: number | null;
}

export interface SeriesDetail {
  id: number;
  name: string;
  poster: string | null;
  backdrop: string | null;
  plot: string | null;
  year: number | null;
  rating: number | null;
  genre: string | null;
  cast: string | null;
  director: string | null;
  trailer: string | null;
}

export interface Episode {
  id: number;
  season: number;
  episode: number;
  title: string | null;
  durationSecs: number | null;
  plot: string | null;
  image: string | null;
  technical: TechnicalDetails | null;
  /** The person's own download of it. */
  download: DownloadItem | null;
  /** The file on the server, whoever asked for it. */
  badge: DownloadBadge | null;
}

export interface Season {
  number: number;
  name: string | null;
  episodes: Episode[];
}

/** One listing of a title the provider also lists in other versions. */
export interface VariantOption {
  id: number;
  name: string;
  /** "4K · FR · MULTI"; the provider's name when it tells nothing about the version. */
  label: string;
  quality: "4K" | "FHD" | "HD" | "SD" | null;
  languages: string[];
  /** The person's preferred version (what Download takes unless they pick another). */
  preferred: boolean;
}

export interface MovieVariant extends VariantOption {
  year: number | null;
  containerExtension: string | null;
  download: DownloadItem | null;
}

export interface VersionChoice {
  code: string;
  label: string;
}

/** The profile page's preferred versions: languages first, then qualities, best first. */
export interface VersionPreferences {
  languages: string[];
  qualities: string[];
  languageChoices: VersionChoice[];
  qualityChoices: VersionChoice[];
}

export type ProviderSource = "database" | "environment" | "demo" | "none";

export interface ProviderSettingsProps {
  baseUrl: string;
  username: string;
  hasPassword: boolean;
  userAgent: string;
  source: ProviderSource | string;
}

export interface SyncInfo {
  lastSyncAt: string | null;
  counts: Record<string, number> | null;
  error: string | null;
}

export interface Aria2Info {
  rpcUrl: string;
  hasSecret: boolean;
}

export interface UserRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  verified: boolean;
  joinedAt: string | null;
  downloadCount: number;
  mayDownload: boolean;
  isSelf: boolean;
}

/** The answer to "Get a link": shown once, its token is not kept. */
export interface NewLink {
  id: number;
  title: string;
  /** The file, or for a batch its .m3u playlist. */
  url: string;
  expires_at: string;
  kind: "file" | "batch";
  playlist_url?: string;
  text_url?: string;
  items?: Array<{ title: string; url: string }>;
}

/** A row of the Links page (the URL itself is not kept, only who made it and for what). */
export interface LinkRow {
  id: number;
  title: string;
  state: "active" | "expired" | "revoked";
  files: Array<{ title: string; name: string }>;
  fileCount: number;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  useCount: number;
  owner?: Owner;
}

/** A server setting on the Settings page, and where its value comes from. */
export interface ServerSetting<T> {
  value: T;
  source: "environment" | "saved" | "default";
  /** The environment variable that fixes it when set. */
  variable: string;
}

export interface ServerSettings {
  speedLimit: ServerSetting<number>;
  concurrentDownloads: ServerSetting<number | null>;
  syncIntervalHours: ServerSetting<number>;
  linkLifetimeHours: ServerSetting<number>;
  newMembersMayDownload: boolean;
  /** The provider account's connections at once, when the provider says. */
  accountLimit: number | null;
}

/** A watchlist row: the title's card (live, or as it was when added) and when it was added. */
export interface WatchlistItem {
  card: MediaCard;
  addedAt: string;
  /** False once the provider stopped listing the title. */
  available: boolean;
}

export type MonitorSchedule = "hourly" | "daily" | "weekly";
export type MonitorState = "scheduled" | "running" | "off" | "paused_all";
export type RunOutcome = "queued" | "already" | "deferred" | "skipped" | "error";

/** What a monitor's JSON body accepts (POST creates, PATCH changes the keys given). */
export interface MonitorSettings {
  seasons: number[] | "all";
  from: "future" | "all";
  schedule: MonitorSchedule;
  /** "HH:MM", 24-hour; hourly schedules use only the minutes. */
  time: string;
  /** Weekdays, 0 = Monday … 6 = Sunday. */
  days: number[];
  timezone: string;
}

/** A series monitor as the series page and /schedules show it. */
export interface MonitorItem extends MonitorSettings {
  id: number;
  series: { id: number; name: string; poster: string | null };
  enabled: boolean;
  /** "Every day at 20:00", "Every hour at :15 on Sat, Sun"… */
  description: string;
  state: MonitorState;
  nextRunAt: string | null;
  lastRun: {
    at: string | null;
    status: "succeeded" | "failed" | "running" | string;
    message: string;
    counts: Partial<Record<RunOutcome, number>>;
  } | null;
  createdAt: string | null;
  /** Admins only. */
  owner?: Owner;
}

/** One scan in the activity log, with what it did per episode (the first 50). */
export interface MonitorRunItem {
  id: number;
  monitorId: number;
  seriesName: string;
  trigger: "schedule" | "manual";
  status: "running" | "succeeded" | "failed" | string;
  message: string;
  counts: Partial<Record<RunOutcome, number>>;
  startedAt: string | null;
  finishedAt: string | null;
  episodes: Array<{ season: number; episode: number; title: string; outcome: RunOutcome; reason: string | null }>;
  episodesTotal: number;
  owner?: Owner;
}

export interface MonitoringStatus {
  paused: boolean;
  pausedAt: string | null;
  pausedBy: string | null;
  episodesPerRun: number;
}

export type NotificationKind = "download_complete" | "download_failed" | "monitor_queued" | "monitor_failed";

export interface NotificationItem {
  id: number;
  kind: NotificationKind | string;
  title: string;
  body: string;
  /** A page inside Vodarr (e.g. /downloads), or null. */
  link: string | null;
  createdAt: string;
  read: boolean;
}

/** An outside target (Apprise URL): only a redacted preview of the URL ever reaches a page. */
export interface NotificationTargetItem {
  id: number;
  name: string;
  preview: string;
  enabled: boolean;
  createdAt: string;
  lastSentAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

declare module "@inertiajs/core" {
  interface InertiaConfig {
    sharedPageProps: SharedProps;
  }
}

/** One of the person's API keys on the profile page: never the key itself. */
export interface ApiKeyItem {
  id: number;
  name: string;
  /** The key's first characters, to tell keys apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The profile page's `apiKeys` card; `newKey` is set once, right after a key is made. */
export interface ApiKeysProps {
  keys: ApiKeyItem[];
  newKey: { id: number; name: string; key: string } | null;
}

/** One attempt (or test) of a webhook, newest first in its delivery log. */
export interface WebhookDeliveryItem {
  id: number;
  event: string;
  status: "pending" | "sent" | "failed" | string;
  attempts: number;
  /** The receiver's HTTP status; null when it did not answer. */
  statusCode: number | null;
  /** The first characters of the answer, or why there was none. */
  answer: string | null;
  at: string;
  nextAttemptAt: string | null;
}

export interface WebhookItem {
  id: number;
  name: string;
  /** Scheme and host only: the address is stored encrypted. */
  preview: string;
  enabled: boolean;
  createdAt: string;
  deliveries: WebhookDeliveryItem[];
}

/** The profile page's `webhooks` card; `newSecret` is set once, right after a hook is added. */
export interface WebhooksProps {
  hooks: WebhookItem[];
  newSecret: { id: number; name: string; secret: string } | null;
}

export interface MediaServerItem {
  id: number;
  kind: "jellyfin" | "emby" | "plex" | string;
  name: string;
  url: string;
  /** The token's last characters only. */
  tokenPreview: string;
  enabled: boolean;
  lastScanAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

/** The Settings page's `mediaServers` card. */
export interface MediaServersProps {
  servers: MediaServerItem[];
  kinds: { value: string; label: string }[];
}
