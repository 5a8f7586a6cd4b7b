"""The usage archive: an incremental, Hive-partitioned copy of every project's request log.

`state` (watermarks), `lock` (one sync per directory), `layout` (paths and part names),
`writers` (JSONL and Parquet part files), `engine` (the sync itself), `display` (progress and
summary). `client.usage.sync(...)` and `deepgram usage sync` are thin layers over `engine`.
"""
