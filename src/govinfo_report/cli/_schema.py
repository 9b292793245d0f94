"""``schema``: the JSON Schema (draft 2020-12) of a report file."""

from __future__ import annotations

import argparse
import json
from typing import IO

from govinfo_report._cli_output import checked_output
from govinfo_report._io import write_output
from govinfo_report.cli._common import EXIT_OK


def run(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """``schema``: print (or write) the JSON Schema of a report file."""
    from govinfo_report.schema import json_schema

    output = None if options.output is None else checked_output(options.output, options.force)
    text = json.dumps(json_schema(options.format), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        stdout.write(text)
    else:
        write_output(output, text.encode("utf-8"), force=options.force)
    return EXIT_OK
