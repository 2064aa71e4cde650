"""The ``conflict_attribution_tagger`` component: SOURCE / CUE / CONTENT spans from a
fine-tuned transformer encoder, run with onnxruntime (no torch at inference).

The encoder tags every token once per role with B(egin) / I(nside) / O(utside), so the three
roles may overlap (a content holding a nested source and cue), as in BERT-CRF for quotation
extraction. Tags are decoded per role with a constrained Viterbi (no I after O), and the spans
go to ``doc.spans[spans_key]`` with their mean tag probability in ``attrs["scores"]``, where
``conflict_quotes_learned`` links them into quotes.

Long articles are cut into windows of whole tokens of at most ``max_pieces`` word pieces,
preferring a paragraph break, then the end of a sentence. Training (``training.encoder``) uses
the same windows and labels, from this module. ``read`` decides what the encoder reads: all
of the text, the runs of sentences the sentence filter passes (``prefilter.py``), or, as
shipped, those of them that hold no rule-based quote (``after_rules``: the linking component
runs the rules, then asks). Windows of a batch run shortest first and are decoded together.
See docs/attribution_model.md.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Iterable, Optional, Sequence

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..components import ConflictComponent
from .labels import CONTENT, CUE, SOURCE, SPANS_KEY
from .prefilter import load_filter

ROLES = (SOURCE, CUE, CONTENT)
TAG_O, TAG_B, TAG_I = 0, 1, 2  # tag ids within a role; the model gives len(ROLES) * 3 logits per token
TAGS_PER_ROLE = 3
SENTENCE_ENDS = {".", "?", "!", "”", '"', "’", "'"}
MODEL_FILE, TOKENIZER_FILE, SETTINGS_FILE = "model.onnx", "tokenizer.json", "cfg"
# what the encoder reads: the whole text; the sentences the filter passes; or those of them
# that hold no rule-based quote, at the request of the linking component, after the rules
READ_SETTINGS = ("all", "filtered", "after_rules")

# allowed tag transitions within a role: I only after B or I
_TRANSITIONS = np.array([[0.0, 0.0, -np.inf], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
_START = np.array([0.0, 0.0, -np.inf])


def require_runtime() -> None:
    """An ImportError that says what to install when onnxruntime or tokenizers is missing."""
    import importlib.util

    missing = [name for name in ("onnxruntime", "tokenizers") if importlib.util.find_spec(name) is None]
    if missing:
        raise ImportError(f"the trained attribution model needs {' and '.join(missing)}: pip install 'conflictnlp[trained]'")


def load_tokenizer(source: Any):
    """A Hugging Face ``tokenizers.Tokenizer`` from a tokenizer.json path or its JSON text, with
    truncation and padding off (windows are cut here)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_str(source) if isinstance(source, str) and source.lstrip().startswith("{") else Tokenizer.from_file(str(source))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def word_pieces(tokenizer, words: Sequence[str]) -> list[list[int]]:
    """The word-piece ids of each word (an empty list for a word the tokenizer drops)."""
    if not words:
        return []
    encoding = tokenizer.encode(list(words), is_pretokenized=True, add_special_tokens=False)
    pieces: list[list[int]] = [[] for _ in words]
    for piece_id, word in zip(encoding.ids, encoding.word_ids):
        if word is not None:
            pieces[word].append(piece_id)
    return pieces


def real_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens the encoder reads: all but whitespace."""
    return [token.i for token in doc if not token.is_space]


def cut_windows(doc: Doc, tokens: Sequence[int], lengths: Sequence[int], max_pieces: int) -> list[tuple[int, int]]:
    """``[start, end)`` ranges over ``tokens`` whose pieces fit ``max_pieces``, cut after a
    paragraph break where one is in reach, else after the end of a sentence, else anywhere."""
    windows: list[tuple[int, int]] = []
    start = 0
    while start < len(tokens):
        total, end = 0, start
        while end < len(tokens) and (end == start or total + lengths[end] <= max_pieces):
            total += lengths[end]
            end += 1
        if end < len(tokens):
            paragraph = sentence = None
            for k in range(end - 1, start, -1):  # the last cut point in reach: after token k
                between = doc[tokens[k]].whitespace_ + doc[tokens[k] + 1 : tokens[k + 1]].text
                if "\n" in between:
                    paragraph = k + 1
                    break
                if sentence is None and doc[tokens[k]].text in SENTENCE_ENDS:
                    sentence = k + 1
            # a paragraph break early in the window would waste most of it
            if paragraph is not None and paragraph - start >= (end - start) // 3:
                end = paragraph
            elif sentence is not None:
                end = sentence
        windows.append((start, end))
        start = end
    return windows


def encode_windows(
    doc: Doc, tokenizer, max_pieces: int, cls_id: int, sep_id: int, ranges: Sequence[tuple[int, int]] | None = None
) -> list[tuple[list[int], list[int], list[int]]]:
    """Per window: its piece ids (with [CLS] and [SEP]), the position of each token's first
    piece, and the token indices in ``doc``. Tokens without pieces are left out. ``ranges``:
    the ``[start, end)`` token ranges to read, each cut into windows of its own (default: the
    whole doc)."""
    tokens = real_tokens(doc) if ranges is None else [i for start, end in ranges for i in range(start, end) if not doc[i].is_space]
    pieces = word_pieces(tokenizer, [doc[i].text for i in tokens])
    kept = [(i, p[: max_pieces - 2]) for i, p in zip(tokens, pieces) if p]
    tokens, pieces = [i for i, _ in kept], [p for _, p in kept]
    out = []
    for first, last in _range_bounds(tokens, ranges):
        for start, end in cut_windows(doc, tokens[first:last], [len(p) for p in pieces[first:last]], max_pieces - 2):
            ids, firsts = [cls_id], []
            for p in pieces[first + start : first + end]:
                firsts.append(len(ids))
                ids.extend(p)
            ids.append(sep_id)
            out.append((ids, firsts, tokens[first + start : first + end]))
    return out


def _range_bounds(tokens: Sequence[int], ranges: Sequence[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """``[first, last)`` positions in ``tokens`` (sorted doc indices) of the tokens of each range."""
    if ranges is None:
        return [(0, len(tokens))] if tokens else []
    positions = np.asarray(tokens, dtype=np.int64)
    bounds = []
    for start, end in ranges:
        first, last = int(np.searchsorted(positions, start)), int(np.searchsorted(positions, end))
        if last > first:
            bounds.append((first, last))
    return bounds


def role_tags(doc: Doc, spans: Iterable[Span]) -> np.ndarray:
    """Gold tags, shape (len(doc), len(ROLES)): per role, the longest span wins where spans of
    one role overlap."""
    tags = np.full((len(doc), len(ROLES)), TAG_O, dtype=np.int64)
    taken = np.zeros((len(doc), len(ROLES)), dtype=bool)
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if span.label_ not in ROLES:
            continue
        role = ROLES.index(span.label_)
        if taken[span.start : span.end, role].any():
            continue
        taken[span.start : span.end, role] = True
        tags[span.start, role] = TAG_B
        tags[span.start + 1 : span.end, role] = TAG_I
    return tags


def log_softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def viterbi(log_probs: np.ndarray) -> np.ndarray:
    """The best B/I/O sequence with no I after O, for log probabilities of shape (n, 3)."""
    return viterbi_batch(log_probs[None], np.array([len(log_probs)]))[0]


def viterbi_batch(log_probs: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``viterbi`` of many sequences at once: log probabilities of shape (rows, n, 3), row k
    read up to ``lengths[k]``; positions past a row's length get O. One numpy step per
    position, not per position and row."""
    rows, n = log_probs.shape[:2]
    paths = np.zeros((rows, n), dtype=np.int64)
    if rows == 0 or n == 0:
        return paths
    back = np.zeros((rows, n, TAGS_PER_ROLE), dtype=np.int64)
    score = _START + log_probs[:, 0]
    for t in range(1, n):
        candidates = score[:, :, None] + _TRANSITIONS  # (rows, from, to)
        back[:, t] = candidates.argmax(axis=1)
        score = np.where((t < lengths)[:, None], candidates.max(axis=1) + log_probs[:, t], score)
    last = score.argmax(axis=1)
    current = last.copy()
    every = np.arange(rows)
    for t in range(n - 1, -1, -1):
        if t + 1 < n:
            current = np.where(t < lengths - 1, back[every, t + 1, current], current)
        current = np.where(t == lengths - 1, last, current)
        paths[:, t] = np.where(t < lengths, current, TAG_O)
    return paths


def tag_spans(path: np.ndarray) -> list[tuple[int, int]]:
    """``[start, end)`` positions of the B I* runs of a tag sequence."""
    _, starts, ends = batch_tag_spans(np.asarray(path)[None])
    return [(int(s), int(e)) for s, e in zip(starts, ends)]


def batch_tag_spans(paths: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row, start and end of every B I* run in tag sequences of shape (rows, n)."""
    n = paths.shape[1]
    # per position, the first position at or after it that is not I
    not_inside = np.where(paths != TAG_I, np.arange(n), n)
    next_break = np.minimum.accumulate(not_inside[:, ::-1], axis=1)[:, ::-1]
    next_break = np.concatenate([next_break, np.full((len(paths), 1), n)], axis=1)
    rows, starts = np.nonzero(paths == TAG_B)
    return rows, starts, next_break[rows, starts + 1]


def decode_batch(logits: np.ndarray, lengths: np.ndarray) -> list[list[tuple[int, int, str, float]]]:
    """Per row of token logits of shape (rows, n, len(ROLES) * 3), read up to ``lengths``: its
    spans ``(start, end, label, score)`` in row positions; a span's score is the mean
    probability of its tags."""
    rows, n = logits.shape[:2]
    log_probs = log_softmax(logits.reshape(rows, n, len(ROLES), TAGS_PER_ROLE)).transpose(0, 2, 1, 3).reshape(rows * len(ROLES), n, TAGS_PER_ROLE)
    paths = viterbi_batch(log_probs, np.repeat(lengths, len(ROLES)))
    chosen = np.exp(np.take_along_axis(log_probs, paths[:, :, None], axis=2)[:, :, 0].astype(np.float64))
    totals = np.concatenate([np.zeros((len(paths), 1)), np.cumsum(chosen, axis=1)], axis=1)
    out: list[list[tuple[int, int, str, float]]] = [[] for _ in range(rows)]
    for row, start, end in zip(*batch_tag_spans(paths)):
        score = (totals[row, end] - totals[row, start]) / (end - start)
        out[row // len(ROLES)].append((int(start), int(end), ROLES[row % len(ROLES)], float(score)))
    return out


def decode(doc: Doc, tokens: Sequence[int], logits: np.ndarray) -> list[tuple[int, int, str, float]]:
    """Spans ``(start, end, label, score)`` in ``doc`` tokens from per-token logits of shape
    (len(tokens), len(ROLES) * 3); a span's score is the mean probability of its tags."""
    (found,) = decode_batch(logits[None], np.array([len(tokens)]))
    return [(tokens[start], tokens[end - 1] + 1, label, score) for start, end, label, score in found]


class AttributionTagger(ConflictComponent):
    """Runs the exported encoder and writes SOURCE / CUE / CONTENT spans to ``doc.spans``."""

    def __init__(self, nlp: Language, name: str, spans_key: str, batch_size: int, threads: int, read: str = "all", cues: str | None = None):
        super().__init__(nlp, name)
        if read not in READ_SETTINGS:
            raise ValueError(f"{name}: read must be one of {', '.join(map(repr, READ_SETTINGS))}, not {read!r}")
        self.spans_key = spans_key
        self.batch_size = batch_size
        self.threads = threads
        self.read = read
        self.cues = cues
        self.settings: dict[str, Any] = {}
        self.model_bytes: Optional[bytes] = None
        self.tokenizer_json: Optional[str] = None
        self._session = None
        self._tokenizer = None

    # the session and tokenizer are made on first use, so the component pickles (n_process)
    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_session": None, "_tokenizer": None}

    @property
    def session(self):
        if self._session is None:
            if self.model_bytes is None:
                raise ValueError(f"{self.name}: no model loaded (save one with conflictnlp.training.encoder.package)")
            import onnxruntime

            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = self.threads
            options.inter_op_num_threads = 1
            self._session = onnxruntime.InferenceSession(self.model_bytes, options, providers=["CPUExecutionProvider"])
        return self._session

    @property
    def tokenizer(self):
        if self._tokenizer is None:
            self._tokenizer = load_tokenizer(self.tokenizer_json)
        return self._tokenizer

    def set_model(self, model_bytes: bytes, tokenizer_json: str, settings: dict[str, Any]) -> None:
        self.model_bytes, self.tokenizer_json, self.settings = model_bytes, tokenizer_json, dict(settings)
        self._session = self._tokenizer = None

    def reading_ranges(self, doc: Doc) -> list[tuple[int, int]] | None:
        """The token ranges the encoder reads in ``doc``: None for all of it; with ``read =
        "filtered"`` the runs of sentences that the sentence filter passes (``prefilter``)."""
        if self.read == "all":
            return None
        return load_filter(self.cues).ranges(doc)

    def tag_after_rules(self, doc: Doc, explained: Sequence[tuple[int, int]]) -> None:
        """With ``read = "after_rules"``: spans from the sentences the filter passes that hold
        none of the ``explained`` character spans (the rules' cues and contents)."""
        mask = np.zeros(len(doc), dtype=bool)
        for start, end in explained:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                mask[span.start : span.end] = True
        self.set_spans(doc, self.find_spans([doc], [load_filter(self.cues).ranges(doc, mask)])[0])

    def find_spans(
        self, docs: Sequence[Doc], ranges: Sequence[Sequence[tuple[int, int]] | None] | None = None
    ) -> list[list[tuple[int, int, str, float]]]:
        """Per doc, its spans ``(start, end, label, score)`` in doc tokens. ``ranges``: per doc,
        the token ranges to read (default: ``reading_ranges``). Windows of all docs are run
        shortest first, ``batch_size`` at a time, so a batch pads little."""
        settings = self.settings
        if ranges is None:
            ranges = [self.reading_ranges(doc) for doc in docs]
        windows = [
            (d, window)
            for d, (doc, doc_ranges) in enumerate(zip(docs, ranges))
            for window in encode_windows(doc, self.tokenizer, settings["max_pieces"], settings["cls_id"], settings["sep_id"], doc_ranges)
        ]
        windows.sort(key=lambda item: len(item[1][0]))
        found: list[list[tuple[int, int, str, float]]] = [[] for _ in docs]
        for b in range(0, len(windows), self.batch_size):
            batch = windows[b : b + self.batch_size]
            logits, lengths = self._token_logits([window for _, window in batch])
            for (d, (_, _, tokens)), spans in zip(batch, decode_batch(logits, lengths)):
                found[d].extend((tokens[start], tokens[end - 1] + 1, label, score) for start, end, label, score in spans)
        return found

    def _token_logits(self, windows: Sequence[tuple[list[int], list[int], list[int]]]) -> tuple[np.ndarray, np.ndarray]:
        """One encoder call: the logits at each token's first piece, shape (windows, most
        tokens, len(ROLES) * 3), and the number of tokens of each window."""
        width = max(len(ids) for ids, _, _ in windows)
        ids = np.zeros((len(windows), width), dtype=np.int64)
        mask = np.zeros((len(windows), width), dtype=np.int64)
        for row, (piece_ids, _, _) in enumerate(windows):
            ids[row, : len(piece_ids)] = piece_ids
            mask[row, : len(piece_ids)] = 1
        piece_logits = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        lengths = np.array([len(firsts) for _, firsts, _ in windows], dtype=np.int64)
        rows = np.repeat(np.arange(len(windows)), lengths)
        positions = np.concatenate([np.arange(n) for n in lengths]) if len(rows) else np.zeros(0, dtype=np.int64)
        firsts = np.concatenate([np.asarray(f, dtype=np.int64) for _, f, _ in windows]) if len(rows) else positions
        logits = np.zeros((len(windows), int(lengths.max(initial=0)), piece_logits.shape[-1]), dtype=piece_logits.dtype)
        logits[rows, positions] = piece_logits[rows, firsts]
        return logits, lengths

    def set_spans(self, doc: Doc, found: list[tuple[int, int, str, float]]) -> None:
        found = sorted(found, key=lambda s: (s[0], s[1], s[2]))
        doc.spans[self.spans_key] = [Span(doc, s, e, label=label) for s, e, label, _ in found]
        doc.spans[self.spans_key].attrs["scores"] = np.array([score for *_, score in found], dtype=np.float32)

    def process(self, doc: Doc) -> None:
        if self.read != "after_rules":  # else the linking component calls tag_after_rules
            self.set_spans(doc, self.find_spans([doc])[0])

    def pipe(self, docs: Iterable[Doc], batch_size: int = 8) -> Iterable[Doc]:
        from spacy.util import minibatch

        if self.read == "after_rules":
            yield from docs
            return
        for batch in minibatch(docs, size=batch_size):
            try:
                results = self.find_spans(batch)
            except Exception:  # one bad article must not stop the batch: retry one by one
                yield from (self(doc) for doc in batch)
                continue
            for doc, found in zip(batch, results):
                self.set_spans(doc, found)
                yield doc

    def to_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.model_bytes is None or self.tokenizer_json is None:
            raise ValueError(f"{self.name}: no model to save")
        (path / MODEL_FILE).write_bytes(self.model_bytes)
        (path / TOKENIZER_FILE).write_text(self.tokenizer_json, encoding="utf8")
        (path / SETTINGS_FILE).write_text(json.dumps(self.settings, indent=2), encoding="utf8")

    def from_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> "AttributionTagger":
        require_runtime()
        path = ensure_path(path)
        settings = json.loads((path / SETTINGS_FILE).read_text(encoding="utf8"))
        self.set_model((path / MODEL_FILE).read_bytes(), (path / TOKENIZER_FILE).read_text(encoding="utf8"), settings)
        return self

    def initialize(self, get_examples: Optional[Callable] = None, *, nlp: Optional[Language] = None, **paths: Any) -> None:
        """Nothing to learn here: the encoder is trained by ``conflictnlp train`` on a tagger config.
        The tagger has no lexicons, so no lexicon paths are taken."""
        if paths:
            raise ValueError(f"{self.name}: unknown lexicon {next(iter(paths))!r}; it has none")


@Language.factory(
    "conflict_attribution_tagger",
    assigns=["doc.spans"],
    default_config={"spans_key": SPANS_KEY, "batch_size": 16, "threads": 1, "read": "all", "cues": None},
)
def make_attribution_tagger(
    nlp: Language, name: str, spans_key: str, batch_size: int, threads: int, read: str, cues: str | None
) -> AttributionTagger:
    """SOURCE / CUE / CONTENT spans from an exported encoder; ``batch_size``: windows per
    encoder call; ``threads``: onnxruntime threads per process; ``read``: ``"all"`` the whole
    text, ``"filtered"`` only the sentences that may hold an attribution (``prefilter``),
    ``"after_rules"`` those of them without a rule-based quote, when the linking component
    (``conflict_quotes_learned`` with the rules first) asks;
    ``cues``: the cue lexicon whose lemmas the filter looks for (default: the packaged one)."""
    return AttributionTagger(nlp, name, spans_key, batch_size, threads, read, cues)
