"""Test configuration shared by the whole suite.

Hypothesis runs derandomized when ``CI`` is set: the property and fuzz tests explore the
same examples on every CI run, so a run's result depends on the code, not on luck. A
developer's local runs stay random and keep finding new cases (as the DOCX fuzz test
did); what they find goes into a regression test.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
