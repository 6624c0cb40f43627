"""The body of ``POST /downloads/bulk``, validated by a Django form.

``{"action": "retry", "ids": [3, 4]}`` or ``{"action": "retry", "status": "failed"}`` (a
state, or a list of them, with the page's optional ``q`` and, for admins, ``owners``).
Every problem is a sentence under its field, never a 500.
"""

from __future__ import annotations

from typing import Any

from django import forms

from vodarr.downloads.actions import UNSUPPORTED, Action
from vodarr.downloads.filters import MAX_BULK, STATES
from vodarr.web.http import parse_bool

CHOOSE = "Choose the downloads: a list of ids, or a status such as failed."


class IdsField(forms.Field):
    """A JSON list (or a comma-separated text) of download ids, at most ``MAX_BULK``."""

    def to_python(self, value: Any) -> list[int]:
        if value in (None, "", []):
            return []
        parts = value.split(",") if isinstance(value, str) else value
        if not isinstance(parts, list):
            raise forms.ValidationError("The ids must be a list of download ids.")
        ids: list[int] = []
        for part in parts:
            text = part.strip() if isinstance(part, str) else part
            if isinstance(text, str) and text.isascii() and text.isdigit() and len(text) <= 18:
                text = int(text)
            if not isinstance(text, int) or isinstance(text, bool) or not 0 < text < 2**63:
                raise forms.ValidationError("Each id must be a positive whole number.")
            if text not in ids:
                ids.append(text)
        if len(ids) > MAX_BULK:
            raise forms.ValidationError(f"Choose at most {MAX_BULK} downloads at once.")
        return ids


class StatesField(forms.Field):
    """A state (``failed``), a comma-separated text of them, or a JSON list."""

    def to_python(self, value: Any) -> list[str]:
        if value in (None, "", []):
            return []
        parts = value.split(",") if isinstance(value, str) else value
        if not isinstance(parts, list) or not all(isinstance(p, str) for p in parts):
            raise forms.ValidationError("The status must be a state such as failed.")
        states = [p.strip() for p in parts]
        unknown = [s for s in states if s not in STATES]
        if unknown:
            raise forms.ValidationError(
                f"Unknown status {unknown[0][:30]!r}: use {', '.join(STATES)}."
            )
        return [s for s in STATES if s in states]


class FlagField(forms.Field):
    """true/false, as JSON or in the usual form spellings; anything else is an error."""

    def to_python(self, value: Any) -> bool:
        parsed = parse_bool(value)
        if parsed is None:
            raise forms.ValidationError(f"The {self.label or 'flag'} field must be true or false.")
        return parsed


class BulkForm(forms.Form):
    action = forms.ChoiceField(
        choices=[(action.value, action.value) for action in Action],
        error_messages={
            "required": "Choose an action: pause, resume, retry, cancel or remove.",
            "invalid_choice": UNSUPPORTED,
        },
    )
    ids = IdsField(required=False)
    status = StatesField(required=False)
    q = forms.CharField(required=False, strip=False)
    owners = forms.CharField(required=False)
    batch = forms.CharField(required=False)  # one group's episodes (with ``status``)
    delete_partial = FlagField(required=False, label="delete partial")
    restart_from_zero = FlagField(required=False, label="restart from zero")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and not cleaned.get("ids") and not cleaned.get("status"):
            self.add_error("ids", CHOOSE)
        return cleaned

    def first_errors(self) -> dict[str, str]:
        """Field → its first message, the shape of Inertia's ``errors`` prop."""
        return {name: str(messages[0]) for name, messages in self.errors.items()}
