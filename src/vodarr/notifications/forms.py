"""What a notification target accepts: a name and an Apprise URL."""

from __future__ import annotations

from django import forms

from vodarr.notifications.sending import NOT_UNDERSTOOD, understood

MAX_URL = 2000


class TargetForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        required=False,
        error_messages={"max_length": "Keep the name under 100 characters."},
    )
    url = forms.CharField(
        max_length=MAX_URL,
        error_messages={
            "required": "Paste the Apprise URL of the service, like ntfy://ntfy.sh/your-topic.",
            "max_length": f"The URL is too long (at most {MAX_URL} characters).",
        },
    )

    def clean_url(self) -> str:
        url = self.cleaned_data["url"].strip()
        if not url.isprintable() or " " in url:
            raise forms.ValidationError("The URL must be one line without spaces.")
        if not understood(url):
            raise forms.ValidationError(NOT_UNDERSTOOD)
        return url
