"""Check that a change leaves the ``extract`` records byte for byte the same.

    python tools/same_output.py dump OUT.jsonl [PATH ...]   # run extract (PYTHONHASHSEED=0)
    python tools/same_output.py diff BEFORE.jsonl AFTER.jsonl

``dump`` runs ``conflictnlp extract`` with a fixed hash seed (some set orders reach the
output) over the bundled examples, $GOLD/../samples and the PolNeAR dev texts
($GOLD/attribution_dev.jsonl) unless paths are given; inputs that are not there are left out. ``diff`` prints the ids whose records
differ and the first differing key of each; exit status 1 if any do.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path(os.environ.get("GOLD", "gold-data-not-set"))  # $GOLD: the gold data folder; its samples/ beside it
DEFAULT_INPUTS = [ROOT / "examples", GOLD.parent / "samples", GOLD / "attribution_dev.jsonl"]


def dump(out: Path, inputs: list[Path]) -> None:
    """Run extract over the inputs into OUT with a fixed hash seed."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(ROOT / "src"))
    present = [str(p) for p in inputs if p.exists()]
    subprocess.run(["conflictnlp", "extract", *present, "-o", str(out), "-q"], check=True, env=env)
    print(f"{out}: {sum(1 for _ in out.open())} records from {', '.join(present)}")


def _records(path: Path) -> dict[str, str]:
    records: dict[str, str] = {}
    for number, line in enumerate(path.open(encoding="utf-8")):
        record = json.loads(line)
        records[f"{record.get('id')}#{number}"] = line
    return records


def diff(before: Path, after: Path) -> int:
    """Count the records that differ; print their ids and first differing keys."""
    old, new = _records(before), _records(after)
    differing = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
    for key in differing:
        a, b = json.loads(old.get(key, "{}")), json.loads(new.get(key, "{}"))
        keys = [k for k in a.keys() | b.keys() if a.get(k) != b.get(k)]
        print(f"DIFFERS {key}: {sorted(keys)}")
    print(f"{len(old)} / {len(new)} records, {len(differing)} differ: {'IDENTICAL' if not differing else 'DIFFERENT'}")
    return 1 if differing else 0


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "dump":
        dump(Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]] or DEFAULT_INPUTS)
    elif len(sys.argv) == 4 and sys.argv[1] == "diff":
        sys.exit(diff(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)
