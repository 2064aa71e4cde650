"""The parts folder: crash-safe, resumable output of one shard of an extract run.

Layout for ``conflictnlp extract ... -o OUT.jsonl [--shard i/N]``::

    OUT.jsonl.parts/shard-i-of-N/settings.json       what the run was (inputs, shard, part size...)
    OUT.jsonl.parts/shard-i-of-N/manifest.jsonl      one line per finished part, then a "complete" line
    OUT.jsonl.parts/shard-i-of-N/part-000000.jsonl   records of the shard's articles 0..P-1, in input order

A part is written to a temporary file, fsynced and renamed into place; only then is its
manifest line appended (and fsynced). The manifest line is the commit: a part without one is
redone on the next run, and a torn last manifest line is ignored. Part k always holds the
same articles (the shard's k-th block of ``part_size``), so redoing a part cannot duplicate
or lose an article. ``settings.json`` pins the run: resuming with other inputs, shard or
part size is refused rather than mixing two runs.

While a run works on a shard it holds an exclusive lock on ``.OUT.jsonl.shard-i-of-N.lock``
next to the output, so a second command writing the same output and shard stops at once
instead of racing the first one for the parts and the output file.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

try:
    import fcntl
except ImportError:  # Windows: no lock, as before
    fcntl = None  # type: ignore[assignment]

MANIFEST = "manifest.jsonl"
SETTINGS = "settings.json"


# how each setting is given on the command line, for messages
SETTING_OPTIONS = {
    "inputs": "the input PATHs",
    "shard": "--shard",
    "part_size": "--part-size",
    "published": "--published",
    "max_chars": "--max-chars",
    "model": "--model",
    "attribution": "--attribution",
    "exclude": "--exclude",
}


class PartsMismatch(RuntimeError):
    """The parts folder holds finished parts of a run with other settings."""

    def __init__(self, folder: Path, found: dict[str, Any], wanted: dict[str, Any], parts: int):
        self.folder = folder
        self.changes = {
            key: (found.get(key), wanted.get(key))
            for key in sorted(set(found) | set(wanted))
            if found.get(key) != wanted.get(key)
        }
        differences = "; ".join(
            f"{SETTING_OPTIONS.get(key, key)} was {_shown(old)}, now {_shown(new)}" for key, (old, new) in self.changes.items()
        )
        super().__init__(
            f"{folder} holds {parts} finished part(s) of a run with other options ({differences}). "
            "Rerun with the earlier options to resume it, or delete that folder to start over."
        )


class OutputBusy(RuntimeError):
    """Another process is writing the same output (and shard) now."""

    def __init__(self, output: Path, shard: "Shard"):
        which = f" (shard {shard})" if shard.count > 1 else ""
        super().__init__(
            f"another conflictnlp command is writing {output}{which} now; "
            "wait for it to finish, or give this one another -o"
        )


@contextmanager
def output_lock(output: Path, shard: "Shard") -> Iterator[None]:
    """Hold the lock of ``output``'s shard for the run; raise ``OutputBusy`` if another has it."""
    if fcntl is None:
        yield
        return
    path = output.with_name(f".{output.name}.{shard.folder_name}.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a")
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputBusy(output, shard) from None
        if not path.exists() or os.stat(path).st_ino != os.fstat(handle.fileno()).st_ino:
            raise OutputBusy(output, shard)  # the holder removed it as we opened it: it was busy
        try:
            yield
        finally:
            path.unlink(missing_ok=True)  # while still locked, so no one waits on a removed file
    finally:
        handle.close()


def _shown(value: Any) -> str:
    if value is None:
        return "unset"
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return f"{value[0]}/{value[1]}"
    if isinstance(value, list):
        return ",".join(map(str, value)) or "none"
    return str(value)


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` of ``count``: the articles at positions ``index``, ``index + count``, ...
    of the input stream (counting articles, in the deterministic order of ``iter_inputs``)."""

    index: int = 0
    count: int = 1

    @classmethod
    def parse(cls, text: str) -> "Shard":
        """``"i/N"`` with ``0 <= i < N``."""
        try:
            index, count = (int(piece) for piece in text.split("/"))
        except ValueError:
            raise ValueError(f"shard: expected i/N (e.g. 0/4), got {text!r}") from None
        if not 0 <= index < count:
            raise ValueError(f"shard: need 0 <= i < N, got {text!r}")
        return cls(index, count)

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    @property
    def folder_name(self) -> str:
        return f"shard-{self.index}-of-{self.count}"

    def owns(self, position: int) -> bool:
        return position % self.count == self.index


@dataclass
class PartInfo:
    """One committed part: its number, file and what its records contain."""

    number: int
    file: str
    articles: int
    with_errors: int
    error_kinds: dict[str, int] = field(default_factory=dict)
    # records whose article was not read at all (no body: empty, binary, oversized, failed);
    # None in manifests written before it was counted, read as ``with_errors``
    unread: int | None = None


def was_read(line: str) -> bool:
    """Whether a record's article was read: it has a body. A record can carry errors that are
    notes on an article read in full ("published: ... left unset") or say it was not read."""
    body = json.loads(line).get("body")
    return bool(body) and body[1] > body[0]


def error_kind(message: str) -> str:
    """The kind of an error message: the text before its first colon (``size``, ``timeout``...)."""
    return message.split(":", 1)[0]


def parts_root(output: Path) -> Path:
    """Where the parts of ``output`` live: ``OUT.jsonl`` -> ``OUT.jsonl.parts``."""
    return output.with_name(output.name + ".parts")


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, lines: Iterable[str]) -> None:
    """Write lines to ``path`` via a fsynced temporary file renamed into place."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


@contextmanager
def replaced_on_success(path: Path) -> Iterator[Path]:
    """A temporary file next to ``path`` (same suffix) that becomes ``path`` only when the block
    ends without an error: a failed command leaves no partial file and an earlier one intact.
    Makes ``path``'s folder if it is missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp{path.suffix}")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


class ShardParts:
    """The parts of one shard: which are done, committing new ones, reading them back."""

    def __init__(self, folder: Path, settings: dict[str, Any]):
        self.folder = folder
        self.settings = settings
        self.parts: dict[int, PartInfo] = {}
        self.complete = False
        self._open()

    def _open(self) -> None:
        """Read what an earlier run left. Nothing is written until the first part is committed,
        so a run that fails before processing anything leaves nothing that blocks the next."""
        settings_path = self.folder / SETTINGS
        found = json.loads(settings_path.read_text(encoding="utf-8")) if settings_path.exists() else self.settings
        for entry in self._manifest_entries():
            if entry.get("complete"):
                self.complete = True
            elif (self.folder / entry["file"]).exists():
                self.parts[entry["number"]] = PartInfo(**entry)
        if found == self.settings:
            return
        if self.parts or self.complete:
            raise PartsMismatch(self.folder, found, self.settings, len(self.parts))
        # an earlier run with other options that finished nothing: nothing to keep
        remove_tree(self.folder)
        self.parts, self.complete = {}, False

    def _write_settings(self) -> None:
        if not (self.folder / SETTINGS).exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.folder / SETTINGS, [json.dumps(self.settings, indent=2) + "\n"])

    def remove_temporary_files(self) -> None:
        """Drop half-written files left by a crashed run (only the run that owns the shard may)."""
        if not self.folder.is_dir():
            return
        for stale in self.folder.glob(".*.tmp"):
            stale.unlink()

    def _manifest_entries(self) -> Iterator[dict[str, Any]]:
        path = self.folder / MANIFEST
        if not path.exists():
            return
        with path.open("rb") as handle:
            for raw in handle:
                try:
                    yield json.loads(raw)
                except ValueError:  # torn last line from a crash: that part is redone
                    return

    def _append_manifest(self, entry: dict[str, Any]) -> None:
        path = self.folder / MANIFEST
        # a torn line from a crash would otherwise swallow the next entry
        if path.exists() and path.stat().st_size:
            with path.open("rb") as handle:
                handle.seek(-1, os.SEEK_END)
                if handle.read(1) != b"\n":
                    self._truncate_torn_line(path)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry) + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def _truncate_torn_line(self, path: Path) -> None:
        data = path.read_bytes()
        write_atomic(path, [data[: data.rfind(b"\n") + 1].decode("utf-8")])

    def part_file(self, number: int) -> str:
        return f"part-{number:06d}.jsonl"

    def commit(self, number: int, lines: list[str], errors: list[list[str]]) -> PartInfo:
        """Write part ``number`` (one JSON record a line) and record it in the manifest."""
        info = PartInfo(
            number=number,
            file=self.part_file(number),
            articles=len(lines),
            with_errors=sum(1 for messages in errors if messages),
            error_kinds=dict(Counter(error_kind(m) for messages in errors for m in messages)),
            unread=sum(1 for line, messages in zip(lines, errors) if messages and not was_read(line)),
        )
        self._write_settings()
        write_atomic(self.folder / info.file, lines)
        self._append_manifest(info.__dict__)
        self.parts[number] = info
        return info

    def mark_complete(self) -> None:
        """Record that every article of the shard is in a committed part."""
        if not self.complete:
            self._write_settings()
            self._append_manifest({"complete": True, "parts": len(self.parts), "articles": self.articles})
            self.complete = True

    @property
    def articles(self) -> int:
        return sum(part.articles for part in self.parts.values())

    def part_paths(self) -> list[Path]:
        """The committed part files in part order."""
        return [self.folder / self.parts[n].file for n in sorted(self.parts)]


def find_shards(root: Path) -> list[ShardParts]:
    """Every shard folder under a parts folder (or ``root`` itself if it is one), opened with
    its own settings."""
    shards = []
    own = [root / SETTINGS] if (root / SETTINGS).exists() else []
    for settings_path in own or sorted(root.glob(f"shard-*-of-*/{SETTINGS}")):
        settings = json.loads(settings_path.read_text(encoding="utf-8"))
        shards.append(ShardParts(settings_path.parent, settings))
    return shards


def shard_coverage_problems(shards: list[ShardParts]) -> list[str]:
    """Why a set of shard folders is not one whole run (missing or unfinished shards)."""
    if not shards:
        return ["no shard folders (shard-i-of-N/) found"]
    problems = []
    counts = {shard.settings["shard"][1] for shard in shards}
    if len(counts) > 1:
        problems.append(f"shards of different splits: N = {sorted(counts)}")
    present = {shard.settings["shard"][0] for shard in shards}
    for count in counts:
        missing = sorted(set(range(count)) - present)
        if missing:
            problems.append(f"shards missing: {', '.join(f'{i}/{count}' for i in missing)}")
    for shard in shards:
        if not shard.complete:
            problems.append(f"shard {shard.folder.name} is not finished ({len(shard.parts)} parts so far)")
    return problems


def remove_tree(path: Path) -> None:
    """Remove a folder by first renaming it aside, so a crash never leaves it half-deleted."""
    if path.is_file():
        path.unlink()
    if not path.exists():
        return
    trash = path.with_name(f".{path.name}.trash-{os.getpid()}")
    os.replace(path, trash)
    shutil.rmtree(trash)


def remove_stale_trash(path: Path) -> None:
    """Finish removals of ``path`` that a crash interrupted."""
    for trash in path.parent.glob(f".{path.name}.trash-*"):
        shutil.rmtree(trash, ignore_errors=True)
