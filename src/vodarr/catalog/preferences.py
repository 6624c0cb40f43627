"""Per-person category preferences (hide, pin, order) and categories hidden for everyone.

A provider lists hundreds of categories: other languages, adult, sports replays. Each
person hides what they never want, pins what they want first (first in the filter menus,
a row each on Discover) and orders the rest; an admin may hide a category for the whole
household. Hidden categories leave Discover, the browse pages, the filter menus and search
for that person only.

Reading costs one small query per page (``hidden_category_ids``): the browse and search
queries then leave those categories out by key, which their indexes serve.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q

from vodarr.accounts.models import User
from vodarr.catalog.models import Category, CategoryPreference

MAX_PINNED = 10


class PreferenceError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Choices:
    """A whole snapshot of one person's choices for one kind, as the page saves it."""

    order: list[int]  # category ids, first to last (pinned ones may appear anywhere)
    hidden: set[int]
    pinned: list[int]  # in the order they are pinned


def hidden_category_ids(user: User | None) -> list[int]:
    """Categories this person does not see: their own hidden ones and those hidden for all."""
    condition = Q(hidden_for_everyone=True)
    if user is not None and user.is_authenticated:
        condition |= Q(preferences__user=user, preferences__hidden=True)
    return list(
        Category.objects.filter(condition).order_by().values_list("pk", flat=True).distinct()
    )


def menu_categories(user: User, kind: str) -> list[dict[str, Any]]:
    """The filter menu: visible categories, pinned first, then the person's order, then by name."""
    return browse_choices(user, kind)[0]


def browse_choices(user: User, kind: str) -> tuple[list[dict[str, Any]], list[int]]:
    """A browse page's filter menu and the categories of ``kind`` the person does not see,
    from the same two small queries."""
    menu, hidden = [], []
    for row in category_rows(user, kind):
        if row["hidden"] or row["hiddenForEveryone"]:
            hidden.append(row["id"])
        else:
            menu.append({"id": row["id"], "name": row["name"], "pinned": row["pinned"]})
    return menu, hidden


def pinned_categories(user: User, kind: str) -> list[dict[str, Any]]:
    return [row for row in menu_categories(user, kind) if row["pinned"]]


def category_rows(user: User, kind: str) -> list[dict[str, Any]]:
    """Every category of ``kind`` with this person's choices, in their order (two queries)."""
    categories = list(
        Category.objects.filter(kind=kind)
        .order_by("name", "pk")
        .values("pk", "name", "hidden_for_everyone")
    )
    mine = {
        p.category_id: p for p in CategoryPreference.objects.filter(user=user, category__kind=kind)
    }
    keyed = []
    for index, category in enumerate(categories):
        preference = mine.get(category["pk"])
        row = {
            "id": category["pk"],
            "name": category["name"],
            "hidden": bool(preference and preference.hidden),
            "pinned": bool(preference and preference.pinned),
            "hiddenForEveryone": category["hidden_for_everyone"],
        }
        keyed.append((_sort_key(preference, index), row))
    keyed.sort(key=lambda pair: pair[0])
    return [row for _, row in keyed]


def _sort_key(preference: CategoryPreference | None, by_name: int) -> tuple[int, int, int]:
    if preference is not None and preference.pinned:
        return (0, preference.position or 0, by_name)
    if preference is not None and preference.position is not None:
        return (1, preference.position, by_name)
    return (2, 0, by_name)


def save_choices(user: User, kind: str, choices: Choices) -> None:
    """Replace this person's choices for ``kind`` with ``choices`` (one transaction)."""
    known = set(Category.objects.filter(kind=kind).values_list("pk", flat=True))
    mentioned = set(choices.order) | choices.hidden | set(choices.pinned)
    unknown = mentioned - known
    if unknown:
        raise PreferenceError(
            "categories", "Some of these categories no longer exist: reload the page."
        )
    if len(choices.pinned) > MAX_PINNED:
        raise PreferenceError("pinned", f"Pin at most {MAX_PINNED} categories.")
    if set(choices.pinned) & choices.hidden:
        raise PreferenceError("pinned", "A hidden category cannot be pinned.")
    order = list(dict.fromkeys(choices.order))
    positions = {pk: index for index, pk in enumerate(order)}
    pins = {pk: index for index, pk in enumerate(dict.fromkeys(choices.pinned))}
    rows = [
        CategoryPreference(
            user=user,
            category_id=pk,
            hidden=pk in choices.hidden,
            pinned=pk in pins,
            position=pins[pk] if pk in pins else positions.get(pk),
        )
        for pk in sorted(mentioned)
    ]
    with transaction.atomic():
        CategoryPreference.objects.filter(user=user, category__kind=kind).delete()
        CategoryPreference.objects.bulk_create(rows)


def reset_choices(user: User, kind: str) -> None:
    CategoryPreference.objects.filter(user=user, category__kind=kind).delete()


def hide_for_everyone(kind: str, category_ids: set[int]) -> None:
    """Exactly these categories of ``kind`` are hidden for everyone (an admin's choice)."""
    with transaction.atomic():
        Category.objects.filter(kind=kind).exclude(pk__in=category_ids).update(
            hidden_for_everyone=False
        )
        Category.objects.filter(kind=kind, pk__in=category_ids).update(hidden_for_everyone=True)
