"""Material's templates, compiled once for a whole preview.

MkDocs makes a new theme environment for every rebuild and compiles Material's templates again
(most of a second); compiled code is kept here, by template and source checksum, so an edited
template still recompiles.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)
            if bucket.code is None:  # compiled by another Python: compile again
                del self._code[bucket.key]

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
