"""The benchmark suite: ``make bench`` (full: up to 100k chunks) or ``--quick`` (up to 10k).

Same as ``strategy-coach bench [--quick] [--json]``; see assistant/benchmarks/run.py.
"""

from __future__ import annotations

import sys

from assistant.cli import main

if __name__ == "__main__":
    sys.argv = ["strategy-coach", "bench", *sys.argv[1:]]
    main()
