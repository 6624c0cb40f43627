"""Props that are already plain JSON data.

inertia-django walks every dict and list of every prop looking for lazy props; a Downloads
page is ~2,000 nested values, and that walk cost a third of the request. A prop wrapped in
`Plain` is handed to the JSON encoder as it is.
"""

from __future__ import annotations

from typing import Any

from inertia.utils import InertiaJsonEncoder


class Plain:
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class JsonEncoder(InertiaJsonEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, Plain):
            return o.value
        return super().default(o)
