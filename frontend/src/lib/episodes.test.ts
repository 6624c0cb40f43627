import { describe, expect, it } from "vitest";
import { downloadItem } from "../test/downloadItem";
import type { DownloadItem, Episode, Season } from "../types";
import {
  anyEpisode,
  downloadSelectionLabel,
  episodeKey,
  seasonLabel,
  seasonSelectionState,
  selectionPayload,
  setSeasonSelected,
  toggleEpisode,
} from "./episodes";

const active: DownloadItem = downloadItem(1);

function ep(season: number, episode: number, download: DownloadItem | null = null): Episode {
  return { id: season * 100 + episode, season, episode, title: `E${episode}`, durationSecs: 1500, plot: null, image: null, technical: null, download, badge: null };
}

const s1: Season = { number: 1, name: "Season 1", episodes: [ep(1, 1), ep(1, 2, active), ep(1, 3)] };
const s2: Season = { number: 2, name: "Season 2", episodes: [ep(2, 1), ep(2, 2)] };

describe("toggleEpisode", () => {
  it("adds and removes an episode without changing the old set", () => {
    const empty = new Set<string>();
    const one = toggleEpisode(empty, ep(1, 1));
    expect([...one]).toEqual(["1:1"]);
    expect(empty.size).toBe(0);
    expect(toggleEpisode(one, ep(1, 1)).size).toBe(0);
  });

  it("will not select an episode that is already downloading", () => {
    expect(toggleEpisode(new Set(), ep(1, 2, active)).size).toBe(0);
  });

  it("still lets a stale selection be cleared", () => {
    expect(toggleEpisode(new Set(["1:2"]), ep(1, 2, active)).size).toBe(0);
  });
});

describe("seasonSelectionState and setSeasonSelected", () => {
  it("goes none → all → none over the selectable episodes only", () => {
    expect(seasonSelectionState(new Set(), s1)).toBe("none");
    const all = setSeasonSelected(new Set(), s1, true);
    expect([...all].sort()).toEqual(["1:1", "1:3"]);
    expect(seasonSelectionState(all, s1)).toBe("all");
    expect(setSeasonSelected(all, s1, false).size).toBe(0);
  });

  it("reports a partial selection", () => {
    expect(seasonSelectionState(new Set(["1:1"]), s1)).toBe("some");
  });

  it("leaves other seasons alone", () => {
    const both = setSeasonSelected(setSeasonSelected(new Set(), s1, true), s2, true);
    const onlyS2 = setSeasonSelected(both, s1, false);
    expect([...onlyS2].sort()).toEqual(["2:1", "2:2"]);
  });

  it("treats a season with nothing to select as none", () => {
    const done: Season = { number: 3, name: null, episodes: [ep(3, 1, active)] };
    expect(seasonSelectionState(new Set(), done)).toBe("none");
    expect(seasonSelectionState(new Set(), { episodes: [] })).toBe("none");
  });
});

describe("selectionPayload", () => {
  it("lists the selected episodes in order", () => {
    const selection = new Set(["2:2", "1:3", "1:1"]);
    expect(selectionPayload(selection, [s2, s1])).toEqual([
      { season: 1, episode: 1 },
      { season: 1, episode: 3 },
      { season: 2, episode: 2 },
    ]);
  });

  it("drops episodes that started downloading since, or no longer exist", () => {
    expect(selectionPayload(new Set(["1:2", "9:9", "2:1"]), [s1, s2])).toEqual([{ season: 2, episode: 1 }]);
  });

  it("lists an episode once even if the provider repeats it", () => {
    const repeated: Season = { number: 1, name: null, episodes: [ep(1, 1), ep(1, 1)] };
    expect(selectionPayload(new Set(["1:1"]), [repeated])).toEqual([{ season: 1, episode: 1 }]);
  });

  it("is empty for an empty selection", () => {
    expect(selectionPayload(new Set(), [s1])).toEqual([]);
  });

  it("takes any episode when the choice is for links, downloading ones too", () => {
    const all = setSeasonSelected(new Set(), s1, true, anyEpisode);
    expect(seasonSelectionState(all, s1, anyEpisode)).toBe("all");
    expect(selectionPayload(all, [s1], anyEpisode)).toHaveLength(3);
    expect(toggleEpisode(new Set(), ep(1, 2, active), anyEpisode).has("1:2")).toBe(true);
  });
});

describe("labels", () => {
  it("counts episodes", () => {
    expect(downloadSelectionLabel(1)).toBe("Download 1 episode");
    expect(downloadSelectionLabel(4)).toBe("Download 4 episodes");
  });

  it("names seasons", () => {
    expect(seasonLabel({ number: 2, name: "Season 2" })).toBe("Season 2");
    expect(seasonLabel({ number: 2, name: "2" })).toBe("Season 2");
    expect(seasonLabel({ number: 2, name: null })).toBe("Season 2");
    expect(seasonLabel({ number: 0, name: "" })).toBe("Specials");
    expect(seasonLabel({ number: 5, name: "The Final Season" })).toBe("The Final Season");
  });

  it("keys episodes", () => {
    expect(episodeKey({ season: 10, episode: 1 })).toBe("10:1");
  });
});
