"""Peak resident memory of a process tree, sampled from ``/proc`` while a benchmark runs."""

import threading
from pathlib import Path


class Peak:
    """Samples VmRSS of a process tree every 50 ms; keeps the peak per process."""

    def __init__(self, root_pid: int) -> None:
        self.root = root_pid
        self.peak: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        pids, frontier = [self.root], [self.root]
        while frontier:
            pid = frontier.pop()
            try:
                children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                pids.append(child)
                frontier.append(child)
        return pids

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in self._tree():
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith(("VmHWM", "VmRSS")):
                            kb = int(line.split()[1])
                            self.peak[pid] = max(self.peak.get(pid, 0), kb)
                except OSError:
                    pass
            self._stop.wait(0.05)

    def max_mb(self) -> float:
        """The largest peak RSS of any process of the tree, in MB."""
        return max(self.peak.values(), default=0) / 1024

    def stop(self) -> None:
        """Stop sampling."""
        self._stop.set()
        self._thread.join()
