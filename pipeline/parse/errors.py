"""The one exception the parse stage raises."""
from __future__ import annotations


class ParseError(Exception):
    """A file that could not be read into text.

    `stage` is where it failed (size, decode, parse, unsupported), `error` a short
    machine-readable kind (empty_file, encrypted_pdf, ...), `message` a sentence for people.
    """

    def __init__(self, stage: str, error: str, message: str):
        super().__init__(f"{stage}/{error}: {message}")
        self.stage = stage
        self.error = error
        self.message = message

    def __reduce__(self):  # picklable across worker processes
        return (type(self), (self.stage, self.error, self.message))
