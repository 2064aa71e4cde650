"""The candidate event and the actor mentions the extraction steps fill in, the role names, and what every step reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span

from ..model import DateMention, EventType, Location, Quantity
from .lexicon import ActorEntry, EventLexicon, Matchers, Trigger

TOLL_ROLES = ("killed", "wounded")
ROLE_PERPETRATOR, ROLE_TARGET = "perpetrator", "target"
ROLE_OWNER = "owner"  # whose thing was hit or used, named in a "by" phrase of a modifier: neither side
VIOLENT_TYPES = frozenset({"battles", "explosions_remote_violence", "violence_against_civilians"})


@cache
def country_names() -> dict[str, str]:
    """ISO2 code -> country name, from the packaged countries table."""
    names = {}
    text = resources.files("conflictnlp").joinpath("data", "countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines()[2:]:
        parts = line.split("\t")
        if len(parts) > 1:
            names[parts[0]] = parts[1]
    return names


@dataclass
class Mention:
    """An actor mention: token range, the lexicon entry, its role in its sentence."""

    start: int
    end: int
    entry: ActorEntry
    name: str | None = None
    role: str | None = None
    facility: bool = False  # names who was hit through a thing of theirs ("police station")
    agent: bool = False  # modifies the trigger noun itself: who did it ("army drone strike")

    @property
    def kind(self) -> str:
        return self.entry.kind


@dataclass
class Candidate:
    """An event as one sentence (or several folded together) reports it."""

    trigger: Trigger
    type: EventType
    sub_type: str
    trigger_span: tuple[int, int]
    sentences: list[tuple[int, int]]
    perpetrator: Mention | None = None
    target: Mention | None = None
    location: Location | None = None
    where_prec: int | None = None
    # the place (and precision) its line names where its sentence names none: used only if no
    # sentence folded into it names one ("They opened fire ..." after "... in Kukawa")
    line_place: tuple[Location, int | None] | None = None
    date: DateMention | None = None
    separate: bool = False
    headline: bool = False
    clauses: set[int] = field(default_factory=set)  # the trigger's clause and those tied to it by "when"
    quantities: list[Quantity] = field(default_factory=list)
    additive: set[str] = field(default_factory=set)  # counts that add to the toll told before them
    partitive: set[str] = field(default_factory=set)  # counts that pick from another ("six of the attackers")
    retarget: bool = False  # the target came from a sentence folded in ("... attacked a base. 12 soldiers were killed.")
    entry: int | None = None  # where its live-blog entry starts ("10:40 - In Nikopol, ..."), None outside one


def _token_char_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    from ..extensions import token_offsets

    return token_offsets(doc)


# ACLED's sub-types of territory changing hands: their other side is armed or none
TERRITORY_SUB_TYPES = frozenset({"government_regains_territory", "non_state_actor_overtakes_territory"})


class ExtractorState:
    """What the extraction steps share: the lexicon, its matchers, and what ``EventExtractor.__call__``
    reads once per Doc before the steps run. Each step class (one a module) adds the methods deciding one fact
    and may call the steps beneath it (candidate <- dates <- places <- mentions <- sides <- roles
    <- event_types <- tolls <- actors <- candidates <- extract)."""

    lexicon: EventLexicon
    trigger_matcher: Matchers
    actor_matcher: Matchers
    by_rank: dict[int, Trigger]
    _actor_words: frozenset[str]
    _victim_words: frozenset[str]
    _generic_names: frozenset[str | None]
    _actor_places: set[str]
    _quoted: list[tuple[int, int]]
    _trigger_tokens: set[int]
    _unit_triggers: set[int]
    _all_mentions: list[Mention]
    _speakers: list[Mention]
    _quantities: list[Quantity]
    _doc_starts: list[int]
    _doc_ends: list[int]
    _bounds: list[tuple[int, int]]
    _recent: frozenset[int]
    _armed_named: bool
    _days: tuple[int, ...]

    def _line_neighbour(self, doc: Doc, sent: Span, step: int) -> Span | None:
        """The sentence just before (``step`` -1) or after (+1) ``sent`` where no line break
        stands between them (one paragraph, one live-blog entry); None at the text's edge."""
        if step < 0:
            if sent.start == 0:
                return None
            lo, hi = self._bounds[sent.start - 1]
            gap = doc.text[doc[hi - 1].idx : sent.start_char]
        else:
            if sent.end >= len(doc):
                return None
            lo, hi = self._bounds[sent.end]
            gap = doc.text[sent.end_char - 1 : doc[lo].idx]
        return None if "\n" in gap else doc[lo:hi]
