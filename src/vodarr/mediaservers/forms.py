"""What adding or changing a media server accepts: kind, name, address, token, on/off."""

from __future__ import annotations

from django import forms

from vodarr.integrations.outbound import check_url
from vodarr.mediaservers.models import Kind

FIELDS = ("kind", "name", "url", "token", "enabled")


class MediaServerForm(forms.Form):
    """On change (``partial``), a blank token keeps the stored one."""

    kind = forms.ChoiceField(
        choices=Kind.choices,
        error_messages={
            "required": "Choose Jellyfin, Emby or Plex.",
            "invalid_choice": 'The kind must be "jellyfin", "emby" or "plex".',
        },
    )
    name = forms.CharField(
        max_length=100,
        required=False,
        error_messages={"max_length": "Keep the name under 100 characters."},
    )
    url = forms.CharField(
        max_length=500,
        error_messages={
            "required": "Enter the server's address, like http://192.168.1.10:8096.",
            "max_length": "The address is too long (at most 500 characters).",
        },
    )
    token = forms.CharField(
        max_length=500,
        required=False,
        error_messages={"max_length": "The token is too long (at most 500 characters)."},
    )
    enabled = forms.BooleanField(required=False)

    def __init__(self, data: dict[str, object], *, partial: bool = False) -> None:
        super().__init__(data)
        self.partial = partial
        if partial:
            for field in self.fields.values():
                field.required = False

    def clean_url(self) -> str:
        url = self.cleaned_data["url"].strip().rstrip("/")
        if not url and self.partial:
            return ""
        problem = check_url(url) if url.isprintable() and " " not in url else "One line, please."
        if problem:
            raise forms.ValidationError(problem)
        return url

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].strip()
        if not token and not self.partial:
            raise forms.ValidationError(
                "Enter an API key (Jellyfin, Emby: Dashboard → API keys) or Plex token."
            )
        if token and (not token.isprintable() or " " in token):
            raise forms.ValidationError("The token is one word without spaces.")
        return token
