"""A second process starting on the same data dir while the first holds the session store
waits for it instead of failing with "database is locked"."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from assistant.coaching.graph import open_checkpointer


def test_the_store_opens_once_another_process_lets_go(tmp_path: Path) -> None:
    path = tmp_path / "sessions.sqlite"
    holder = sqlite3.connect(str(path), check_same_thread=False)
    holder.execute("CREATE TABLE held (x)")
    holder.execute("BEGIN EXCLUSIVE")  # as another process setting up the store would

    def let_go() -> None:
        time.sleep(1.5)
        holder.rollback()

    releasing = threading.Thread(target=let_go)
    releasing.start()
    saver = open_checkpointer(path)
    releasing.join()
    assert saver.conn.execute("SELECT count(*) FROM checkpoints").fetchone() == (0,)
