"""The monitor routes: validation (422 per field, never 500), permissions (404 for another
member's monitor), changes, the series page and the Schedules page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.fixtures.users import inertia_client
from tests.monitoring.conftest import api_client, monitor
from vodarr.accounts.models import User
from vodarr.demo.provider import FakeProvider
from vodarr.monitoring import services
from vodarr.monitoring.models import MonitorRun, RunStatus, RunTrigger, SeriesMonitor

pytestmark = pytest.mark.django_db

SHOW = 10  # "The Lighthouse Keepers" in the fake provider's test catalogue
EPISODE_IDS = ["10101", "10102", "10201"]


@pytest.fixture(autouse=True)
def _provider(provider_in_env: FakeProvider) -> FakeProvider:
    provider_in_env.add_series(11, "Northbound", {1: [(1, "Departure")]})
    return provider_in_env


def test_creating_fills_in_defaults_and_takes_the_episodes_there_now_as_baseline(
    member: User, settings
) -> None:
    before = timezone.now()
    response = api_client(member).post(
        f"/series/{SHOW}/monitoring", {"timezone": "Europe/Paris"}, "application/json"
    )

    assert response.status_code == 201
    item = response.json()["monitor"]
    assert {k: item[k] for k in ("seasons", "from", "schedule", "time", "days", "timezone")} == {
        "seasons": "all",
        "from": "future",
        "schedule": "daily",
        "time": "06:00",
        "days": [0, 1, 2, 3, 4, 5, 6],
        "timezone": "Europe/Paris",
    }
    assert item["series"]["name"] == "The Lighthouse Keepers"
    assert item["state"] == "scheduled"
    row = SeriesMonitor.objects.get()
    assert sorted(row.baseline) == EPISODE_IDS
    assert before < row.next_run_at <= before + timedelta(days=1)


def test_from_all_starts_its_backfill_at_the_workers_next_look(member: User) -> None:
    row = monitor(api_client(member), SHOW, **{"from": "all"})
    assert row.next_run_at <= timezone.now()


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"seasons": "some"}, {"seasons"}),
        ({"seasons": [1, "2"]}, {"seasons"}),
        ({"seasons": []}, {"seasons"}),
        ({"from": "yesterday"}, {"from"}),
        ({"schedule": "monthly", "time": "25:00"}, {"schedule", "time"}),
        ({"time": "8pm"}, {"time"}),
        ({"days": [7]}, {"days"}),
        ({"days": []}, {"days"}),
        ({"days": "weekends"}, {"days"}),
        ({"timezone": "Mars/Olympus"}, {"timezone"}),
        ({"timezone": 1}, {"timezone"}),
        ({"enabled": "yes"}, {"enabled"}),
        ({"shedule": "daily", "colour": "red"}, {"shedule", "colour"}),
        ({"schedule": "weekly"}, {"days"}),
    ],
)
def test_bad_input_is_a_422_with_a_message_per_field(
    member: User, body: dict, fields: set[str]
) -> None:
    response = api_client(member).post(f"/series/{SHOW}/monitoring", body, "application/json")

    assert response.status_code == 422, response.content
    errors = response.json()["errors"]
    assert set(errors) == fields
    assert all(isinstance(message, str) and message.endswith(".") for message in errors.values())
    assert not SeriesMonitor.objects.exists()


def test_an_inertia_visit_gets_its_errors_back_on_the_page(member: User) -> None:
    client = inertia_client(member)
    response = client.post(
        f"/series/{SHOW}/monitoring",
        {"time": "noon"},
        "application/json",
        HTTP_REFERER=f"http://testserver/series/{SHOW}",
    )

    assert response.status_code == 303
    assert response["Location"] == f"/series/{SHOW}"
    assert "time" in client.get(f"/series/{SHOW}").json()["props"]["errors"]


def test_monitoring_twice_an_unknown_series_or_with_the_provider_down_says_why(
    member: User, provider_in_env: FakeProvider
) -> None:
    client = api_client(member)
    monitor(client, SHOW)

    again = client.post(f"/series/{SHOW}/monitoring", {}, "application/json")
    unknown = client.post("/series/999/monitoring", {}, "application/json")
    provider_in_env.fail_next_api(count=1, status=503, action="get_series_info")
    down = client.post("/series/11/monitoring", {}, "application/json")

    assert again.status_code == 409
    assert unknown.status_code == 404
    assert down.status_code == 503
    assert "nothing was set up" in down.json()["message"]
    assert SeriesMonitor.objects.count() == 1


def test_a_change_touches_only_the_keys_given(member: User) -> None:
    client = api_client(member)
    monitor(client, SHOW, seasons=[1], time="20:00", timezone="UTC")

    response = client.patch(
        f"/series/{SHOW}/monitoring", {"schedule": "hourly", "time": "00:45"}, "application/json"
    )

    item = response.json()["monitor"]
    assert (item["schedule"], item["time"], item["seasons"]) == ("hourly", "00:45", [1])
    row = SeriesMonitor.objects.get()
    assert row.next_run_at.minute == 45
    assert row.next_run_at - timezone.now() <= timedelta(hours=1)


def test_switching_a_monitor_off_clears_its_next_run_and_on_again_sets_it(member: User) -> None:
    client = api_client(member)
    monitor(client, SHOW)

    off = client.patch(f"/series/{SHOW}/monitoring", {"enabled": False}, "application/json")
    on = client.patch(f"/series/{SHOW}/monitoring", {"enabled": True}, "application/json")

    assert (off.json()["monitor"]["state"], off.json()["monitor"]["nextRunAt"]) == ("off", None)
    assert on.json()["monitor"]["nextRunAt"] is not None


def test_stopping_deletes_the_monitor_and_its_runs(member: User) -> None:
    client = api_client(member)
    row = monitor(client, SHOW)
    MonitorRun.objects.create(
        monitor=row,
        user=member,
        series_name="x",
        trigger=RunTrigger.MANUAL,
        status=RunStatus.SUCCEEDED,
        started_at=timezone.now(),
    )

    response = client.delete(f"/series/{SHOW}/monitoring")

    assert response.json()["message"] == "Stopped monitoring The Lighthouse Keepers."
    assert not SeriesMonitor.objects.exists()
    assert not MonitorRun.objects.exists()
    assert client.delete(f"/series/{SHOW}/monitoring").status_code == 404


def test_a_member_cannot_read_or_change_another_members_monitor(
    member: User, outsider: User, admin: User
) -> None:
    row = monitor(api_client(member), SHOW)
    theirs = api_client(outsider)

    answers = [
        theirs.get(f"/monitors/{row.pk}").status_code,
        theirs.patch(f"/monitors/{row.pk}", {"enabled": False}, "application/json").status_code,
        theirs.post(f"/monitors/{row.pk}/run-now").status_code,
        theirs.delete(f"/monitors/{row.pk}").status_code,
        theirs.patch(
            f"/series/{SHOW}/monitoring", {"enabled": False}, "application/json"
        ).status_code,
    ]

    assert answers == [404, 404, 404, 404, 404]
    row.refresh_from_db()
    assert row.enabled
    assert (
        api_client(admin).get(f"/monitors/{row.pk}").json()["monitor"]["owner"]["id"] == member.pk
    )


def test_the_series_page_shows_the_persons_own_monitor(member: User, outsider: User) -> None:
    monitor(api_client(member), SHOW, schedule="weekly", days=[6], time="09:30")

    mine = inertia_client(member).get(f"/series/{SHOW}").json()["props"]["monitor"]
    theirs = inertia_client(outsider).get(f"/series/{SHOW}").json()["props"]["monitor"]

    assert mine["description"] == "Every week on Sun at 09:30"
    assert theirs is None


def test_schedules_lists_own_monitors_for_members_and_everyones_for_admins(
    member: User, outsider: User, admin: User
) -> None:
    monitor(api_client(member), SHOW)
    monitor(api_client(outsider), 11)

    members_view = inertia_client(member).get("/schedules").json()["props"]
    admins_view = inertia_client(admin).get("/schedules").json()["props"]

    assert [m["series"]["id"] for m in members_view["monitors"]["data"]] == [SHOW]
    assert "owner" not in members_view["monitors"]["data"][0]
    assert members_view["canPauseAll"] is False
    assert sorted(m["owner"]["name"] for m in admins_view["monitors"]["data"]) == [
        "Mia Member",
        "Otto Outsider",
    ]
    assert admins_view["canPauseAll"] is True
    assert admins_view["monitoring"]["episodesPerRun"] == 25


def test_only_admins_pause_all_monitoring(member: User, admin: User) -> None:
    refused = api_client(member).patch("/schedules/settings", {"paused": True}, "application/json")
    unknown = api_client(admin).patch("/schedules/settings", {"pause": True}, "application/json")
    done = api_client(admin).patch("/schedules/settings", {"paused": True}, "application/json")

    assert refused.status_code == 403
    assert unknown.status_code == 422
    assert done.status_code == 200
    status = inertia_client(member).get("/schedules").json()["props"]["monitoring"]
    assert (status["paused"], status["pausedBy"]) == (True, "Ada Admin")


def test_looking_for_due_monitors_is_one_query_however_many_exist(
    make_user, django_assert_num_queries
) -> None:
    now = timezone.now()
    people = [make_user() for _ in range(30)]
    SeriesMonitor.objects.bulk_create(
        SeriesMonitor(
            user=person,
            series_id=SHOW,
            series_name="The Lighthouse Keepers",
            start_from="future",
            schedule="daily",
            run_time=now.time(),
            days=[0, 1, 2, 3, 4, 5, 6],
            time_zone="UTC",
            next_run_at=now - timedelta(minutes=n) if n % 3 else now + timedelta(hours=1),
        )
        for n, person in enumerate(people)
    )

    with django_assert_num_queries(1):
        due = services.due_monitors(now)
    services.set_paused_all(people[0], True, now)
    with django_assert_num_queries(1):
        while_paused = services.due_monitors(now)

    assert len(due) == 20
    assert [m.next_run_at for m in due] == sorted(m.next_run_at for m in due)
    assert while_paused == []
