"""The emulator for the archive benchmark, in its own process: many equal projects, fixed latency,
and a command on stdin to add fresh requests to every project (the 1 % of a rerun).

    python -m benchmarks.archive_server --projects 20 --records 50000 --latency 0.05
    stdin: `add N` -> N requests per project created in the last 30 minutes; answers `added`.
"""

from __future__ import annotations

import argparse
import random
import sys

from deepgram.testing import Emulator


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=20)
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--latency", type=float, default=0.05)
    args = parser.parse_args()
    emu = Emulator(
        projects=args.projects,
        requests=args.records,
        requests_per_project=args.records,
        latency=args.latency,
        api_key="bench-key",
    )
    with emu:
        for project_id in emu.project_ids:  # build every log before the clock starts
            len(emu.log(project_id))
        print(f"listening on {emu.url}", flush=True)
        print(f"projects {' '.join(emu.project_ids)}", flush=True)
        rng = random.Random(1)
        for line in sys.stdin:
            command, _, count = line.partition(" ")
            if command == "add":
                for project_id in emu.project_ids:
                    for _ in range(int(count)):
                        emu.add_request(project_id, age=rng.uniform(60, 1800))
                print("added", flush=True)


if __name__ == "__main__":
    main()
