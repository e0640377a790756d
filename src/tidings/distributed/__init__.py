"""Parallel coding on Dask: plan input parts, code each into Parquet on a worker, resume by manifest."""

# How a parallel run works (runners.run_dask drives it):
#   1. plan_parts() cuts the inputs into parts of about `part_bytes`: plain JSONL files are split at
#      line starts by byte range; gzip, text and HTML files are taken whole; small slices are
#      grouped. A part's id hashes its slices (path, size, mtime, byte range) and the coding
#      settings, so a changed input or setting never reuses an old part.
#   2. code_part() runs on a worker: it loads the model once per process (pipeline.Resources
#      cache), streams the part's records through code_articles in bounded batches and writes one
#      Parquet file (temp name, then rename). Workers never touch the DuckDB store.
#   3. The driver appends each finished part to manifest.jsonl (its only writer); running the same
#      command again skips the parts listed there.
#   4. read_parts() replays the parts in plan order as CodedArticles with read_records' duplicate-id
#      rule, and the driver alone upserts them: the store ends exactly as after a local run.

from tidings.distributed.driver import MANIFEST, Manifest, code_in_parallel, default_parts_dir, remove_parts
from tidings.distributed.parts import DEFAULT_PART_BYTES, Part, Slice, plan_parts, read_slice
from tidings.distributed.worker import PART_SCHEMA, PartDone, code_part, read_parts

__all__ = [
    "DEFAULT_PART_BYTES", "MANIFEST", "PART_SCHEMA", "Manifest", "Part", "PartDone", "Slice",
    "code_in_parallel", "code_part", "default_parts_dir", "plan_parts", "read_parts", "read_slice",
    "remove_parts",
]
