"""Turning a request body into clean values with a Django form, and its errors into sentences.

JSON bodies are validated by forms too: a field that is not a string (a list of seasons, a
number) is handed to the form as it is, and the form's own ``clean_<field>`` methods say
what is wrong in words a person understands. Keys the form does not know are refused, so a
typo ("shedule") is an error instead of a silently ignored setting.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.http import Http404


def unknown_fields(data: dict[str, Any], known: Iterable[str]) -> dict[str, str]:
    """An error per key of ``data`` that is not one of ``known``."""
    allowed = set(known)
    return {
        str(key)[:60]: f"Unknown field {str(key)[:60]!r}: it is not a setting here."
        for key in data
        if key not in allowed
    }


def form_errors(form: forms.Form) -> dict[str, str]:
    """The first message for each field (the page shows one message under each input)."""
    errors: dict[str, str] = {}
    for field, messages in form.errors.items():
        errors["form" if field == "__all__" else field] = str(messages[0])
    return errors


def path_id(raw: str, what: str) -> int:
    """An id from the URL path; anything but plain digits is a 404 ("<what> not found.")."""
    if not raw.isascii() or not raw.isdigit() or len(raw) > 18:
        raise Http404(f"{what} not found.")
    return int(raw)
