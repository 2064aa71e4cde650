"""The ``conflict_attribution_tagger`` component: SOURCE / CUE / CONTENT spans from a
fine-tuned transformer encoder, run with onnxruntime (no torch at inference).

The encoder tags every token once per role with B(egin) / I(nside) / O(utside), so the three
roles may overlap (a content holding a nested source and cue), as in BERT-CRF for quotation
extraction. Tags are decoded per role with a constrained Viterbi (no I after O), and the spans
go to ``doc.spans[spans_key]`` with their mean tag probability in ``attrs["scores"]``, where
``conflict_quotes_learned`` links them into quotes.

Long articles are cut into windows of whole tokens of at most ``max_pieces`` word pieces,
preferring a paragraph break, then the end of a sentence. Training (``training.encoder``) uses
the same windows and labels, from this module.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..components import ConflictComponent
from ..training.convert import CONTENT, CUE, SOURCE, SPANS_KEY

ROLES = (SOURCE, CUE, CONTENT)
O, B, I = 0, 1, 2  # tag ids within a role; the model gives len(ROLES) * 3 logits per token
TAGS_PER_ROLE = 3
SENTENCE_ENDS = {".", "?", "!", "”", '"', "’", "'"}
MODEL_FILE, TOKENIZER_FILE, SETTINGS_FILE = "model.onnx", "tokenizer.json", "cfg"

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


def encode_windows(doc: Doc, tokenizer, max_pieces: int, cls_id: int, sep_id: int) -> list[tuple[list[int], list[int], list[int]]]:
    """Per window: its piece ids (with [CLS] and [SEP]), the position of each token's first
    piece, and the token indices in ``doc``. Tokens without pieces are left out."""
    tokens = real_tokens(doc)
    pieces = word_pieces(tokenizer, [doc[i].text for i in tokens])
    kept = [(i, p[: max_pieces - 2]) for i, p in zip(tokens, pieces) if p]
    tokens, pieces = [i for i, _ in kept], [p for _, p in kept]
    out = []
    for start, end in cut_windows(doc, tokens, [len(p) for p in pieces], max_pieces - 2):
        ids, firsts = [cls_id], []
        for p in pieces[start:end]:
            firsts.append(len(ids))
            ids.extend(p)
        ids.append(sep_id)
        out.append((ids, firsts, tokens[start:end]))
    return out


def role_tags(doc: Doc, spans: Iterable[Span]) -> np.ndarray:
    """Gold tags, shape (len(doc), len(ROLES)): per role, the longest span wins where spans of
    one role overlap."""
    tags = np.full((len(doc), len(ROLES)), O, dtype=np.int64)
    taken = np.zeros((len(doc), len(ROLES)), dtype=bool)
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if span.label_ not in ROLES:
            continue
        role = ROLES.index(span.label_)
        if taken[span.start : span.end, role].any():
            continue
        taken[span.start : span.end, role] = True
        tags[span.start, role] = B
        tags[span.start + 1 : span.end, role] = I
    return tags


def log_softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def viterbi(log_probs: np.ndarray) -> np.ndarray:
    """The best B/I/O sequence with no I after O, for log probabilities of shape (n, 3)."""
    n = len(log_probs)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    back = np.zeros((n, TAGS_PER_ROLE), dtype=np.int64)
    score = _START + log_probs[0]
    for t in range(1, n):
        candidates = score[:, None] + _TRANSITIONS
        back[t] = candidates.argmax(axis=0)
        score = candidates.max(axis=0) + log_probs[t]
    path = np.zeros(n, dtype=np.int64)
    path[-1] = int(score.argmax())
    for t in range(n - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path


def tag_spans(path: np.ndarray) -> list[tuple[int, int]]:
    """``[start, end)`` positions of the B I* runs of a tag sequence."""
    spans, start = [], None
    for t, tag in enumerate(path):
        if tag != I and start is not None:
            spans.append((start, t))
            start = None
        if tag == B:
            start = t
    if start is not None:
        spans.append((start, len(path)))
    return spans


def decode(doc: Doc, tokens: Sequence[int], logits: np.ndarray) -> list[tuple[int, int, str, float]]:
    """Spans ``(start, end, label, score)`` in ``doc`` tokens from per-token logits of shape
    (len(tokens), len(ROLES) * 3); a span's score is the mean probability of its tags."""
    out = []
    for r, role in enumerate(ROLES):
        log_probs = log_softmax(logits[:, r * TAGS_PER_ROLE : (r + 1) * TAGS_PER_ROLE])
        path = viterbi(log_probs)
        for start, end in tag_spans(path):
            score = float(np.exp(log_probs[np.arange(start, end), path[start:end]]).mean())
            out.append((tokens[start], tokens[end - 1] + 1, role, score))
    return out


class AttributionTagger(ConflictComponent):
    """Runs the exported encoder and writes SOURCE / CUE / CONTENT spans to ``doc.spans``."""

    def __init__(self, nlp: Language, name: str, spans_key: str, batch_size: int, threads: int):
        super().__init__(nlp, name)
        self.spans_key = spans_key
        self.batch_size = batch_size
        self.threads = threads
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

    def token_logits(self, docs: Sequence[Doc]) -> list[tuple[list[int], np.ndarray]]:
        """Per doc: the tokens read and their logits."""
        windows = [
            (d, w)
            for d, doc in enumerate(docs)
            for w in encode_windows(doc, self.tokenizer, self.settings["max_pieces"], self.settings["cls_id"], self.settings["sep_id"])
        ]
        # windows of like length together: less padding
        order = sorted(range(len(windows)), key=lambda k: len(windows[k][1][0]))
        per_doc: list[list[tuple[list[int], np.ndarray]]] = [[] for _ in docs]
        results: dict[int, np.ndarray] = {}
        for b in range(0, len(order), self.batch_size):
            batch = order[b : b + self.batch_size]
            width = max(len(windows[k][1][0]) for k in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, k in enumerate(batch):
                piece_ids = windows[k][1][0]
                ids[row, : len(piece_ids)] = piece_ids
                mask[row, : len(piece_ids)] = 1
            logits = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            for row, k in enumerate(batch):
                results[k] = logits[row, windows[k][1][1]]
        for k, (d, (_, _, tokens)) in enumerate(windows):
            per_doc[d].append((tokens, results[k]))
        out = []
        for parts in per_doc:
            tokens = [t for part_tokens, _ in parts for t in part_tokens]
            logits = np.concatenate([l for _, l in parts]) if parts else np.zeros((0, len(ROLES) * TAGS_PER_ROLE), dtype=np.float32)
            out.append((tokens, logits))
        return out

    def set_spans(self, doc: Doc, tokens: list[int], logits: np.ndarray) -> None:
        found = decode(doc, tokens, logits)
        found.sort(key=lambda s: (s[0], s[1], s[2]))
        doc.spans[self.spans_key] = [Span(doc, s, e, label=label) for s, e, label, _ in found]
        doc.spans[self.spans_key].attrs["scores"] = np.array([score for *_, score in found], dtype=np.float32)

    def process(self, doc: Doc) -> None:
        self.set_spans(doc, *self.token_logits([doc])[0])

    def pipe(self, docs: Iterable[Doc], batch_size: int = 8) -> Iterable[Doc]:
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            try:
                results = self.token_logits(batch)
            except Exception:  # one bad article must not stop the batch: retry one by one
                yield from (self(doc) for doc in batch)
                continue
            for doc, (tokens, logits) in zip(batch, results):
                try:
                    self.set_spans(doc, tokens, logits)
                except Exception as err:  # pragma: no cover - decoding never fails on valid logits
                    from ..extensions import add_error

                    add_error(doc, f"{self.name}: {type(err).__name__}: {err}")
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

    def initialize(self, get_examples: Optional[Callable] = None, *, nlp: Optional[Language] = None) -> None:
        """Nothing to learn here: the encoder is trained by ``conflictnlp train`` on a tagger config."""


@Language.factory(
    "conflict_attribution_tagger",
    assigns=["doc.spans"],
    default_config={"spans_key": SPANS_KEY, "batch_size": 16, "threads": 1},
)
def make_attribution_tagger(nlp: Language, name: str, spans_key: str, batch_size: int, threads: int) -> AttributionTagger:
    """SOURCE / CUE / CONTENT spans from an exported encoder; ``batch_size``: windows per
    encoder call; ``threads``: onnxruntime threads per process."""
    return AttributionTagger(nlp, name, spans_key, batch_size, threads)
