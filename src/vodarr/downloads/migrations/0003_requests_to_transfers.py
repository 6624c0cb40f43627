"""Each existing download becomes a request with its own transfer; nothing is lost.

Live transfers keep their GIDs and paths. Where old rows shared a media or an output file
(the bug this split removes), the newest unfinished one holds it, then the newest complete
one; the others keep their own transfer without holding anything. A canceled row's transfer
is a stopped one. Each person keeps at most one live request per media: the newest.
The helpers are copied here, not imported: a migration is a snapshot.
"""

import hashlib

from django.db import migrations

RANK = {"active": 0, "waiting": 0, "paused": 0, "complete": 1, "error": 2, "removed": 3}
MOVED = (
    "gid",
    "downloadable_type",
    "downloadable_id",
    "episode_id",
    "container_extension",
    "output_path",
    "status",
    "total_length",
    "completed_length",
    "download_speed",
    "files",
    "last_error_code",
    "last_error_message",
    "retry_next_at",
    "retry_attempt",
    "state_updated_at",
    "finished_at",
    "created_at",
)


def _identity(ref):
    return f"{ref.downloadable_type}:{ref.downloadable_id}:{ref.episode_id or ''}"


def forwards(apps, schema_editor):
    Ref = apps.get_model("downloads", "MediaDownloadRef")
    Transfer = apps.get_model("downloads", "Transfer")
    refs = list(Ref.objects.order_by("-created_at", "-id"))
    # Stable sort: within a rank the newest stays first.
    refs.sort(key=lambda ref: (ref.canceled_at is not None, RANK.get(ref.status, 4)))
    held_media, held_paths, held_wishes = set(), set(), set()
    for ref in refs:
        transfer = Transfer(**{name: getattr(ref, name) for name in MOVED})
        identity = _identity(ref)
        path = hashlib.sha256(ref.output_path.encode("utf-8")).hexdigest()
        if ref.canceled_at is not None:
            transfer.stopped_at = ref.canceled_at
        elif identity not in held_media and path not in held_paths:
            transfer.media_key, transfer.path_key = identity, path
            held_media.add(identity)
            held_paths.add(path)
        transfer.save(force_insert=True)
        ref.transfer = transfer
        wish = f"{ref.user_id}:{identity}"
        if ref.canceled_at is None and wish not in held_wishes:
            ref.dedupe_key = wish
            held_wishes.add(wish)
        else:
            ref.dedupe_key = None
    # Keys are released first, then set: old and new keys of different rows may collide.
    Ref.objects.update(dedupe_key=None)
    Ref.objects.bulk_update(refs, ["transfer", "dedupe_key"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("downloads", "0002_transfer")]

    # Going back is allowed only without downloads (0004 refuses otherwise): shared transfers
    # cannot be split into one row per person again.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
