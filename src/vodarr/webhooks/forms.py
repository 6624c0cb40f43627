"""What adding a webhook accepts: a name (as a notification target's) and an http(s) address."""

from __future__ import annotations

from django import forms

from vodarr.integrations.outbound import check_url
from vodarr.notifications.forms import MAX_URL, TargetForm


class WebhookForm(TargetForm):
    url = forms.CharField(
        max_length=MAX_URL,
        error_messages={
            "required": "Enter the address that receives the POSTs, like https://example.com/hook.",
            "max_length": f"The address is too long (at most {MAX_URL} characters).",
        },
    )

    def clean_url(self) -> str:
        url = self.cleaned_data["url"].strip()
        if not url.isprintable() or " " in url:
            raise forms.ValidationError("The address must be one line without spaces.")
        problem = check_url(url)
        if problem:
            raise forms.ValidationError(problem)
        return url
