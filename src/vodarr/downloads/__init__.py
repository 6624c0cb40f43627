"""Downloads: MediaDownloadRef, the start/act services, the Downloads page, the worker."""
