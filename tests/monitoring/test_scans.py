"""Scans against the fake provider and real aria2c: new episodes, backfills, caps, sharing,
provider failures, the global pause, and the worker running due monitors by itself."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.fixtures.users import inertia_client
from tests.fixtures.waiting import wait_for
from tests.monitoring.conftest import SERIES, Stack, api_client, monitor
from tests.worker.conftest import file_bytes
from vodarr.accounts.models import User
from vodarr.downloads.models import MediaDownloadRef, Status, Transfer
from vodarr.downloads.worker.loop import WorkerLoop
from vodarr.monitoring import services
from vodarr.monitoring.models import MonitorRun, Outcome, RunStatus, SeriesMonitor
from vodarr.notifications.models import Kind, Notification

KIB = 1024


def codes(run: MonitorRun, outcome: str) -> list[str]:
    return [f"S{e.season:02d}E{e.episode:02d}" for e in run.episodes.filter(outcome=outcome)]


def requests_of(user: User) -> list[str]:
    refs = MediaDownloadRef.objects.filter(user=user).order_by("season", "episode")
    return [f"S{r.season:02d}E{r.episode:02d}" for r in refs]


def run_now(monitor_row: SeriesMonitor) -> MonitorRun:
    return services.run_now(monitor_row, timezone.now())


@pytest.mark.django_db
def test_from_future_ignores_what_is_there_and_queues_what_appears(
    stack: Stack, member: User
) -> None:
    watching = monitor(api_client(member), **{"from": "future"})

    first = run_now(watching)
    stack.provider.add_episode(SERIES, 2, 2, "The Second Return", size=64 * KIB)
    second = run_now(watching)
    third = run_now(watching)

    assert (first.status, first.message) == (RunStatus.SUCCEEDED, "Nothing new.")
    assert codes(second, Outcome.QUEUED) == ["S02E02"]
    assert second.message == "Queued 1 new episode."
    assert third.message == "Nothing new."
    assert requests_of(member) == ["S02E02"]
    [note] = Notification.objects.filter(user=member, kind=Kind.MONITOR_QUEUED)
    assert note.title == "The Show: 1 new episode queued"


@pytest.mark.django_db
def test_from_all_backfills_capped_per_run_and_skips_what_the_person_has(
    stack: Stack, member: User, settings
) -> None:
    settings.MONITOR_EPISODES_PER_RUN = 2
    client = api_client(member)
    client.post(f"/series/{SERIES}/1/1/download")  # S01E01 by hand, before monitoring
    watching = monitor(client, seasons="all", **{"from": "all"})

    first = run_now(watching)
    second = run_now(watching)
    third = run_now(watching)

    assert codes(first, Outcome.ALREADY) == ["S01E01"]
    assert codes(first, Outcome.QUEUED) == ["S01E02"]
    assert codes(first, Outcome.DEFERRED) == ["S01E03", "S02E01"]
    assert first.counts == {"queued": 1, "already": 1, "deferred": 2, "skipped": 0, "error": 0}
    assert codes(second, Outcome.QUEUED) == ["S01E03", "S02E01"]
    assert third.message == "Nothing new."
    assert requests_of(member) == ["S01E01", "S01E02", "S01E03", "S02E01"]


@pytest.mark.django_db
def test_only_the_monitored_seasons_are_fetched(stack: Stack, member: User) -> None:
    watching = monitor(api_client(member), seasons=[2], **{"from": "all"})

    run = run_now(watching)

    assert codes(run, Outcome.QUEUED) == ["S02E01"]
    assert requests_of(member) == ["S02E01"]


@pytest.mark.django_db
def test_an_episode_the_person_canceled_is_not_fetched_again(stack: Stack, member: User) -> None:
    stack.provider.set_throttle("episode", 7102, 16 * KIB)  # still running when canceled
    client = api_client(member)
    client.post(f"/series/{SERIES}/1/2/download")
    mine = MediaDownloadRef.objects.get(user=member, episode=2)
    assert client.delete(f"/downloads/{mine.pk}").status_code == 200
    watching = monitor(client, seasons=[1], **{"from": "all"})

    first = run_now(watching)
    second = run_now(watching)

    assert codes(first, Outcome.SKIPPED) == ["S01E02"]
    assert codes(second, Outcome.SKIPPED) == []  # dealt with once, not listed every run
    assert MediaDownloadRef.objects.live().filter(user=member, episode=2).count() == 0


@pytest.mark.django_db
def test_two_people_monitoring_one_show_share_one_transfer_per_episode(
    stack: Stack, member: User, outsider: User
) -> None:
    mine = monitor(api_client(member), **{"from": "all"})
    theirs = monitor(api_client(outsider), **{"from": "all"})

    run_now(mine)
    run_now(theirs)

    assert requests_of(member) == requests_of(outsider) == ["S01E01", "S01E02", "S01E03", "S02E01"]
    assert Transfer.objects.count() == 4
    assert all(t.requests.count() == 2 for t in Transfer.objects.all())


@pytest.mark.django_db
def test_a_provider_failure_fails_the_run_changes_nothing_and_the_next_run_succeeds(
    stack: Stack, member: User
) -> None:
    watching = monitor(api_client(member), **{"from": "all"})
    stack.provider.fail_next_api(count=1, status=503, action="get_series_info")

    failed = run_now(watching)
    watching.refresh_from_db()
    handled_after_failure = list(watching.handled)
    recovered = run_now(watching)

    assert failed.status == RunStatus.FAILED
    assert "HTTP 503" in failed.message
    assert failed.episodes.count() == 0
    assert handled_after_failure == []
    assert Notification.objects.filter(user=member, kind=Kind.MONITOR_FAILED).count() == 1
    assert recovered.status == RunStatus.SUCCEEDED
    assert len(codes(recovered, Outcome.QUEUED)) == 4
    watching.refresh_from_db()
    assert watching.last_status == RunStatus.SUCCEEDED
    assert watching.running_since is None


@pytest.mark.django_db
def test_a_run_of_a_series_the_provider_dropped_says_so(stack: Stack, member: User) -> None:
    watching = monitor(api_client(member))
    stack.provider.remove_series(SERIES)

    run = run_now(watching)

    assert (run.status, run.message) == (
        RunStatus.FAILED,
        "The provider no longer lists this series.",
    )


@pytest.mark.django_db
def test_pause_all_stops_scans_until_it_is_lifted(stack: Stack, member: User, admin: User) -> None:
    watching = monitor(api_client(member), **{"from": "all"})
    as_admin = api_client(admin)
    now = timezone.now()
    SeriesMonitor.objects.filter(pk=watching.pk).update(next_run_at=now - timedelta(minutes=1))

    paused = as_admin.patch("/schedules/settings", {"paused": True}, "application/json")
    ran_while_paused = services.run_due_monitors()
    refused = api_client(member).post(f"/series/{SERIES}/monitoring/run-now")
    as_admin.patch("/schedules/settings", {"paused": False}, "application/json")
    ran_after = services.run_due_monitors()

    assert paused.status_code == 200
    assert ran_while_paused == 0
    assert refused.status_code == 409
    assert "paused by an administrator" in refused.json()["message"]
    assert ran_after == 1
    assert MonitorRun.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_run_the_same_monitor_twice(stack: Stack, make_user, settings) -> None:
    people = [make_user() for _ in range(4)]
    for person in people:
        monitor(api_client(person), seasons=[2], **{"from": "all"})
    SeriesMonitor.objects.update(next_run_at=timezone.now() - timedelta(seconds=1))
    start = threading.Barrier(2)
    ran: list[int] = []

    def worker() -> None:
        start.wait()
        ran.append(services.run_due_monitors())

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert sum(ran) == 4
    assert sorted(MonitorRun.objects.values_list("monitor__user_id", flat=True)) == sorted(
        p.pk for p in people
    )


@pytest.mark.django_db(transaction=True)
def test_the_worker_downloads_a_new_episode_within_one_poll(
    stack: Stack, member: User, settings
) -> None:
    settings.MONITOR_POLL_SECONDS = 0.3
    client = api_client(member)
    watching = monitor(client, **{"from": "future"})
    loop = WorkerLoop(tick_seconds=0.2)
    thread = threading.Thread(target=loop.run, daemon=True)
    thread.start()
    try:
        new_id = stack.provider.add_episode(SERIES, 2, 2, "Fresh", size=96 * KIB)
        # Its scheduled time comes.
        SeriesMonitor.objects.filter(pk=watching.pk).update(next_run_at=timezone.now())

        def listed() -> bool:
            page = client.get("/downloads", headers={"X-Inertia": "true", "X-Inertia-Version": "1"})
            titles = [d["media"]["title"] for d in page.json()["props"]["downloads"]["data"]]
            return "Fresh" in titles

        wait_for(listed, timeout=10, message="the new episode on the Downloads page")
        ref = MediaDownloadRef.objects.get(user=member, episode_id=str(new_id))
        wait_for(
            lambda: Transfer.objects.get(pk=ref.transfer_id).status == Status.COMPLETE,
            timeout=20,
            message="the episode to complete",
        )
    finally:
        loop.stop()
        thread.join(10)
    transfer = Transfer.objects.get(pk=ref.transfer_id)
    assert file_bytes(stack, transfer) == stack.provider.expected_bytes("episode", new_id)
    assert transfer.output_path.endswith("The Show - S02E02 - Fresh.mp4")
    assert requests_of(member) == ["S02E02"]  # the episodes there at creation were not fetched


@pytest.mark.django_db
def test_the_activity_log_lists_each_run_with_its_episodes(
    stack: Stack, member: User, outsider: User, settings
) -> None:
    settings.MONITOR_EPISODES_PER_RUN = 3
    run_now(monitor(api_client(member), **{"from": "all"}))
    run_now(monitor(api_client(outsider), seasons=[2], **{"from": "all"}))

    [run] = inertia_client(member).get("/schedules").json()["props"]["runs"]

    assert (run["seriesName"], run["trigger"], run["status"]) == ("The Show", "manual", "succeeded")
    assert run["counts"]["queued"] == 3
    assert [(e["season"], e["episode"], e["outcome"]) for e in run["episodes"]] == [
        (1, 1, "queued"),
        (1, 2, "queued"),
        (1, 3, "queued"),
        (2, 1, "deferred"),
    ]
    assert run["episodesTotal"] == 4
