"""Validating a person's preferred versions."""

from __future__ import annotations

from typing import Any

from django import forms

from vodarr.integrations.xtream.names import LANGUAGE_LABELS, QUALITY_LABELS

MAX_LANGUAGES = 10


class VersionPreferenceForm(forms.Form):
    """``languages`` and ``qualities``, each best first; unknown or repeated codes refused."""

    languages = forms.MultipleChoiceField(choices=list(LANGUAGE_LABELS.items()), required=False)
    qualities = forms.MultipleChoiceField(choices=list(QUALITY_LABELS.items()), required=False)

    def __init__(self, data: dict[str, Any]) -> None:
        # Forms post "EN,FR"; Inertia posts ["EN", "FR"]. Order matters: it is the preference.
        super().__init__({key: _as_list(data.get(key)) for key in ("languages", "qualities")})

    def clean_languages(self) -> list[str]:
        languages: list[str] = self.cleaned_data["languages"]
        if len(languages) > MAX_LANGUAGES:
            raise forms.ValidationError(f"Choose at most {MAX_LANGUAGES} languages.")
        return _unique(languages, "language")

    def clean_qualities(self) -> list[str]:
        return _unique(self.cleaned_data["qualities"], "quality")


def _as_list(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return [] if value is None else value


def _unique(values: list[str], what: str) -> list[str]:
    if len(set(values)) != len(values):
        raise forms.ValidationError(f"Each {what} can be listed once.")
    return values
