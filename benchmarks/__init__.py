"""`make bench`: scenarios that print figures. They measure; they never assert a timing."""

from vodarr.ops.privacy import use_private_umask

# As the `vodarr` command does: a benchmark's database must be private, or the commands it
# starts (`vodarr syncmedia`) refuse to run on it.
use_private_umask()
