"""Rate limits: atomic counters that hold under parallel requests, per account and address.

The parallel tests go through uvicorn, as `vodarr serve` runs it, so the counting is done
by several threads with their own database connections, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from tests.fixtures.server import LiveApp
from tests.fixtures.users import inertia_client, login
from vodarr.accounts.limits import LOGIN_PAIR
from vodarr.accounts.models import User
from vodarr.web.throttle import Limit, client_address, forget, format_wait, hit

LIMIT = Limit("test", 3, 60, "Too many tries.")


class FakeClock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.mark.django_db
def test_the_limit_refuses_the_attempt_past_it_until_the_window_ends() -> None:
    clock = FakeClock(1_000_000.0)
    assert hit(LIMIT, "a@b.test", clock=clock) is None  # the 60 s window opens here
    clock.now += 20
    assert [hit(LIMIT, "a@b.test", clock=clock) for _ in range(2)] == [None, None]
    refused = hit(LIMIT, "A@B.test", clock=clock)  # the same person, however spelt
    assert refused is not None and refused.retry_after == 40
    assert refused.message == "Too many tries. Please try again in 40 seconds."
    assert hit(LIMIT, "other@b.test", clock=clock) is None
    clock.now += 40
    assert hit(LIMIT, "a@b.test", clock=clock) is None  # a new window, counting from 1
    assert [hit(LIMIT, "a@b.test", clock=clock) is None for _ in range(3)] == [True, True, False]


@pytest.mark.django_db
def test_forgetting_starts_the_count_afresh() -> None:
    clock = FakeClock(5_000_000.0)
    for _ in range(4):
        hit(LIMIT, "who", clock=clock)
    forget(LIMIT, "who")
    assert hit(LIMIT, "who", clock=clock) is None


@pytest.mark.django_db(transaction=True)
def test_forty_threads_counting_at_once_let_exactly_the_limit_through() -> None:
    # Each thread has its own database connection: the counting is the database's to get right.
    start = threading.Barrier(40)

    def attempt(_: int) -> bool:
        try:
            start.wait()
            return hit(LIMIT, "target@b.test") is None
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=40) as pool:
        allowed = list(pool.map(attempt, range(40)))
    assert allowed.count(True) == LIMIT.hits


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (1, "1 second"),
        (59, "59 seconds"),
        (119, "119 seconds"),
        (120, "2 minutes"),
        (3599, "60 minutes"),
        (7200, "2 hours"),
    ],
)
def test_waits_read_like_a_person_would_say_them(seconds: int, text: str) -> None:
    assert format_wait(seconds) == text


def wrong_passwords_in_parallel(
    app: LiveApp, email: str, count: int, forwarded_for: Callable[[int], str] | None = None
) -> list[int]:
    """POST /login with a wrong password ``count`` times at once; the statuses."""
    with httpx.Client(base_url=app.url) as session:
        session.get("/login")
        token = session.cookies["XSRF-TOKEN"]

        def attempt(n: int) -> int:
            headers = {"X-XSRF-TOKEN": token, "Accept": "application/json"}
            if forwarded_for:
                headers["X-Forwarded-For"] = forwarded_for(n)
            body = {"email": email, "password": "wrong password"}
            return session.post("/login", json=body, headers=headers).status_code

        with ThreadPoolExecutor(max_workers=count) as pool:
            return list(pool.map(attempt, range(count)))


@pytest.mark.django_db(transaction=True)
def test_forty_parallel_wrong_passwords_get_at_most_the_limit_checked(
    live_app: LiveApp, member: User
) -> None:
    statuses = wrong_passwords_in_parallel(live_app, member.email, 40)
    assert statuses.count(422) == LOGIN_PAIR.hits  # "These credentials do not match"
    assert statuses.count(429) == 40 - LOGIN_PAIR.hits


@pytest.mark.django_db(transaction=True)
def test_a_rotating_x_forwarded_for_from_an_untrusted_address_changes_nothing(
    live_app: LiveApp, member: User
) -> None:
    statuses = wrong_passwords_in_parallel(live_app, member.email, 12, lambda n: f"203.0.113.{n}")
    assert statuses.count(422) == LOGIN_PAIR.hits


@pytest.mark.django_db(transaction=True)
def test_behind_a_trusted_proxy_each_forwarded_client_is_counted_alone(
    settings, member: User
) -> None:
    settings.ALLOWED_HOSTS = ["*"]
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    app = LiveApp().start()
    try:
        statuses = wrong_passwords_in_parallel(
            app, member.email, 12, lambda n: f"203.0.113.{n % 6}"
        )
    finally:
        app.stop()
    assert statuses.count(422) == 12  # six clients, two tries each: nobody reached the limit


@pytest.mark.parametrize(
    ("remote", "counted_as"),
    [
        ("198.51.100.7", "198.51.100.7"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("::ffff:198.51.100.7", "198.51.100.7"),
    ],
)
def test_a_client_is_its_ipv4_address_or_its_ipv6_64(rf, remote: str, counted_as: str) -> None:
    assert client_address(rf.get("/", REMOTE_ADDR=remote)) == counted_as


def test_the_api_answer_is_429_with_a_sentence_and_retry_after(db, member: User) -> None:
    client = Client(headers={"Accept": "application/json"})
    for _ in range(LOGIN_PAIR.hits):
        login(client, member.email, "wrong password")
    response = login(client, member.email)
    assert response.status_code == 429
    assert response.json()["errors"]["email"].startswith("Too many sign-in attempts. Please try")
    assert 0 < int(response["Retry-After"]) <= LOGIN_PAIR.seconds


def test_one_address_cannot_try_account_after_account(db, make_user) -> None:
    users = [make_user() for _ in range(31)]
    client = Client(headers={"Accept": "application/json"})
    statuses = [login(client, user.email, "wrong").status_code for user in users]
    assert statuses[:30] == [422] * 30
    assert statuses[30] == 429


def test_registration_attempts_are_limited_per_address(db, admin: User) -> None:
    client = Client(headers={"Accept": "application/json"})
    statuses = [
        client.post(
            "/register", {"email": admin.email}, content_type="application/json"
        ).status_code
        for _ in range(11)
    ]
    assert statuses == [422] * 10 + [429]


def test_reset_emails_are_limited_per_recipient_whoever_asks(db, member: User) -> None:
    for n in range(4):
        client = Client(REMOTE_ADDR=f"10.0.0.{n}")
        client.post("/forgot-password", {"email": member.email}, content_type="application/json")
    assert len(mail.outbox) == 3
    page = inertia_client().get("/forgot-password").json()
    assert page["props"]["errors"] == {}


def test_an_unknown_address_is_limited_the_same_so_the_limit_reveals_nothing(db) -> None:
    client = Client(headers={"Accept": "application/json"})
    statuses = [
        client.post(
            "/forgot-password", {"email": "nobody@example.test"}, content_type="application/json"
        ).status_code
        for _ in range(4)
    ]
    assert statuses == [302, 302, 302, 429]


def test_an_unverified_account_cannot_keep_mailing_new_addresses(db, make_user) -> None:
    user = make_user(verified=False)
    client = inertia_client(user)
    for n in range(5):
        client.patch(
            "/profile",
            {"name": user.name, "email": f"target{n}@elsewhere.test"},
            content_type="application/json",
        )
    assert len(mail.outbox) == 3
    errors = client.get("/profile").json()["props"]["errors"]
    assert errors["email"].startswith("The email address was changed too often.")
    user.refresh_from_db()
    assert user.email == "target2@elsewhere.test"


def test_resending_the_verification_email_is_limited(db, make_user) -> None:
    client = inertia_client(make_user(verified=False))
    for _ in range(5):
        client.post("/email/verification-notification")
    assert len(mail.outbox) == 3
    assert (
        client.get("/email/verify")
        .json()["props"]["errors"]["email"]
        .startswith("Too many verification emails")
    )
