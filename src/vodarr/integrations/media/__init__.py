"""What a media file is, read from its bytes: the container's signature, the length its header
announces, and what ``ffprobe`` finds inside. No Django imports: the worker and the demo
provider both use it.
"""

from vodarr.integrations.media.containers import Container, declared_length, sniff
from vodarr.integrations.media.ffprobe import Probe, ProbeFailed, ffprobe_path, probe_file

__all__ = [
    "Container",
    "Probe",
    "ProbeFailed",
    "declared_length",
    "ffprobe_path",
    "probe_file",
    "sniff",
]
