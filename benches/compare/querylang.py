"""Query translation for the comparator benchmark: parses depeche's query syntax and rewrites each
query for SQLite FTS5, Xapian, Lucene and ripgrep, saying what had to be approximated.

depeche's syntax (README, "Query syntax"): words are all required, `"phrases"`, `-word` excludes,
`a OR b` is either, `field:word` restricts to a field (title, body, dateline, place, agency, per,
loc, org) and `date:` takes a range. Here a query becomes a list of clauses, all required; a
clause is one atom or several joined by OR, or one excluded atom.
"""

import json
import re
from dataclasses import dataclass, field

DEPECHE_FIELDS = {"title", "body", "dateline", "place", "agency", "date", "per", "loc", "org"}
ELISION = re.compile(r"(?i)\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’]")
TOKEN = re.compile(
    r"""(?P<range>[-+]?\w+:[\[{][^\]}]*[\]}])   # field:[a TO b] or field:{a TO b}
      | (?P<phrase>[-+]?(?:\w+:)?"[^"]*"?)      # -field:"a phrase", closing quote optional
      | (?P<paren>[()])
      | (?P<word>[^\s()]+)""",
    re.VERBOSE,
)
LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


@dataclass(frozen=True)
class Atom:
    """One word or phrase, with the depeche field it was restricted to (None: all text)."""

    text: str
    phrase: bool
    prefix: str | None


@dataclass
class Clause:
    """Atoms joined by OR; `negated` clauses (always a single atom) exclude documents."""

    atoms: list[Atom]
    negated: bool = False


@dataclass
class Parsed:
    """A parsed query: required and excluded clauses, and what the parse itself dropped."""

    clauses: list[Clause]
    dropped: set[str] = field(default_factory=set)


@dataclass
class Translation:
    """A query in one engine's syntax, with the reasons it only approximates depeche's."""

    text: str
    approximations: set[str]


def parse(query: str) -> Parsed:
    """Parses depeche's query syntax into clauses (see the module docstring)."""
    parsed = Parsed(clauses=[])
    join_next = False
    for match in TOKEN.finditer(query):
        kind, token = match.lastgroup, match.group()
        if kind == "range" or token.lstrip("+-").startswith("date:"):
            parsed.dropped.add("date filter dropped")
        elif kind == "paren":
            parsed.dropped.add("parentheses flattened")
        elif token == "OR":
            join_next = bool(parsed.clauses) and not parsed.clauses[-1].negated
        elif token != "AND":
            negated, atom = _atom(token, kind == "phrase")
            if atom is None:
                continue
            if join_next and not negated:
                parsed.clauses[-1].atoms.append(atom)
            else:
                parsed.clauses.append(Clause([atom], negated))
            join_next = False
    return parsed


def _atom(token: str, phrase: bool) -> tuple[bool, Atom | None]:
    """One token: its sign, then its atom (None when nothing is left of it)."""
    negated = token.startswith("-")
    token = token.lstrip("+-")
    name, colon, rest = token.partition(":")
    field_name = name if colon and name in DEPECHE_FIELDS else None
    text = (rest if field_name else token).strip('"').strip()
    return negated, Atom(text, phrase, field_name) if text else None


def _without_elisions(text: str) -> str:
    """`l'État` → `État`, `d’Ukraine` → `Ukraine`: depeche drops elided words."""
    return ELISION.sub("", text)


def _apostrophe_variants(text: str) -> list[str]:
    """The text with straight and with curly apostrophes (the corpus has both)."""
    return list(dict.fromkeys([text.replace("’", "'"), text.replace("'", "’")]))


def _common_approximations(parsed: Parsed, kept_fields: set[str]) -> set[str]:
    """What the parse dropped plus the field prefixes an engine has no field for."""
    notes = set(parsed.dropped)
    for clause in parsed.clauses:
        for atom in clause.atoms:
            if atom.prefix and atom.prefix not in kept_fields:
                notes.add(f"{atom.prefix}: prefix dropped")
    return notes


def to_fts5(parsed: Parsed) -> Translation:
    """SQLite FTS5 MATCH syntax: every atom a quoted string, AND/OR/NOT, `title : "…"` columns."""

    def atom(a: Atom) -> str:
        text = a.text if a.phrase else _without_elisions(a.text)
        quoted = '"' + text.replace('"', "") + '"'
        return f"{a.prefix} : {quoted}" if a.prefix in ("title", "body") else quoted

    def clause(c: Clause) -> str:
        inner = " OR ".join(atom(a) for a in c.atoms)
        return f"({inner})" if len(c.atoms) > 1 else inner

    required = [clause(c) for c in parsed.clauses if not c.negated]
    excluded = [clause(c) for c in parsed.clauses if c.negated]
    text = " AND ".join(required) + "".join(f" NOT {e}" for e in excluded)
    return Translation(text, _common_approximations(parsed, {"title", "body"}))


def to_xapian(parsed: Parsed) -> Translation:
    """Xapian QueryParser syntax with FLAG_BOOLEAN: AND, (a OR b), AND NOT, `title:` prefix."""

    def atom(a: Atom) -> str:
        text = _without_elisions(a.text)
        text = f'"{text}"' if a.phrase else text
        return f"title:{text}" if a.prefix == "title" else text

    def clause(c: Clause) -> str:
        inner = " OR ".join(atom(a) for a in c.atoms)
        return f"({inner})" if len(c.atoms) > 1 else inner

    required = [clause(c) for c in parsed.clauses if not c.negated]
    excluded = [clause(c) for c in parsed.clauses if c.negated]
    notes = _common_approximations(parsed, {"title"})
    text = " AND ".join(required) + "".join(f" AND NOT {e}" for e in excluded)
    return Translation(text, notes)


def to_lucene(parsed: Parsed) -> Translation:
    """Lucene classic QueryParser syntax: `+clause`, `-clause`, `+(a b)` for OR, `title:` field."""

    def atom(a: Atom) -> str:
        text = f'"{a.text}"' if a.phrase else LUCENE_SPECIAL.sub(r"\\\1", a.text)
        return f"{a.prefix}:{text}" if a.prefix in ("title", "body") else text

    def clause(c: Clause) -> str:
        sign = "-" if c.negated else "+"
        inner = " ".join(atom(a) for a in c.atoms)
        return f"{sign}({inner})" if len(c.atoms) > 1 else f"{sign}{inner}"

    notes = _common_approximations(parsed, {"title", "body"})
    return Translation(" ".join(clause(c) for c in parsed.clauses), notes)


def to_ripgrep(parsed: Parsed) -> Translation:
    """ripgrep plan as JSON: `all` (one file list per clause, intersected) and `none` (removed)."""

    def patterns(c: Clause) -> list[str]:
        texts = [a.text if a.phrase else _without_elisions(a.text) for a in c.atoms]
        return [variant for text in texts for variant in _apostrophe_variants(text)]

    plan = {
        "all": [patterns(c) for c in parsed.clauses if not c.negated],
        "none": [patterns(c) for c in parsed.clauses if c.negated],
    }
    notes = _common_approximations(parsed, set())
    return Translation(json.dumps(plan, ensure_ascii=False), notes)


TRANSLATORS = {"fts5": to_fts5, "xapian": to_xapian, "lucene": to_lucene, "ripgrep": to_ripgrep}


def translate(query: str, syntax: str) -> Translation:
    """`query` in one of TRANSLATORS' syntaxes; empty text when no required term is left."""
    parsed = parse(query)
    if all(c.negated for c in parsed.clauses):
        return Translation("", parsed.dropped | {"no required term left: not run"})
    return TRANSLATORS[syntax](parsed)


def read_queries(path: str) -> list[tuple[str, str]]:
    """A query file as (class, query) pairs: `class<TAB>query` lines, `#` comments, blank lines."""
    queries = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n").rstrip()
            if not line.strip() or line.startswith("#"):
                continue
            cls, tab, query = line.partition("\t")
            queries.append((cls.strip(), query) if tab else ("default", line))
    return queries
