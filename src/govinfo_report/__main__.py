"""``python -m govinfo_report``: the same as the ``govinfo-report`` command."""

from __future__ import annotations

import sys

from govinfo_report.cli import main

if __name__ == "__main__":
    sys.exit(main())
