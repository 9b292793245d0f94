"""The start method of the library's process pools, chosen once for every pool.

The survey's workers and a batch render's both start through :func:`context`.
"""

from __future__ import annotations

import sys
from typing import Any


def context() -> Any:
    """``fork`` where it is safe and cheapest (the workers start with the library
    imported: Python before 3.12, one thread); else ``forkserver`` where there is one
    (forking a process with threads can deadlock, and Python 3.12+ warns about it; a
    pool's own manager thread is one); else the platform's default."""
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    if sys.version_info < (3, 12) and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return None
