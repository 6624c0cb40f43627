"""The worker's pieces: reconcile aria2 into the database, retry with backoff, re-add.

``Reconciler.tick()`` is one pass (tests drive it directly); ``WorkerLoop`` runs ticks, the
aria2 WebSocket listener and the scheduled catalogue sync for ``vodarr worker``.
"""

from vodarr.downloads.worker.reconcile import Reconciler, TickReport

__all__ = ["Reconciler", "TickReport"]
