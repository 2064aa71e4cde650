"""Reading articles: decoding files, HTML extraction, boilerplate separation, datelines."""

from .boilerplate import ArticleLayout, find_layout
from .decode import DecodedText, UndecodableInput, decode_bytes
from .sources import ArticleInput, SkippedInput, iter_inputs, read_record

__all__ = [
    "ArticleInput",
    "ArticleLayout",
    "DecodedText",
    "SkippedInput",
    "UndecodableInput",
    "decode_bytes",
    "find_layout",
    "iter_inputs",
    "read_record",
]
