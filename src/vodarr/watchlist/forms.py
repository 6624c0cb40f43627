"""What ``POST /watchlist`` accepts: ``{"type": "movie"|"series", "id": N}``."""

from __future__ import annotations

from typing import Any

from django import forms

from vodarr.watchlist.models import TitleKind

MAX_ID = 2**63 - 1


class WatchlistEntryForm(forms.Form):
    type = forms.Field(error_messages={"required": 'Say what to add: "movie" or "series".'})
    id = forms.Field(error_messages={"required": "Say which title to add (its id)."})

    def clean_type(self) -> str:
        value = self.cleaned_data["type"]
        if value not in TitleKind.values:
            raise forms.ValidationError('The type must be "movie" or "series".')
        return str(value)

    def clean_id(self) -> int:
        return title_id(self.cleaned_data["id"])


def title_id(value: Any) -> int:
    """A title id from JSON (a number) or a form (digits); a sentence for anything else."""
    if isinstance(value, bool):
        value = None
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
        value = int(value)
    if not isinstance(value, int) or not 0 < value <= MAX_ID:
        raise forms.ValidationError("The id must be a whole number above zero.")
    return value
