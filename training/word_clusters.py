"""Learns the word clusters the entity judge reads (src/entities/judge/clusters.tsv).

Word vectors (gensim's skip-gram word2vec) are trained on the articles of ../shared/corpus,
leaving out every article of the annotated sets of tests/data, so that no scored article shapes
them; the words written with a capital at least MIN_CAPITALISED times are then grouped by
k-means at two sizes (COARSE and FINE clusters). A name's cluster tells the judge what other
names are written around the same words: `Nairobi` with the cities, `Godard` with surnames.

One command, deterministic (one worker, fixed seeds; the vectors are kept in target/ and
reused while they are there):
    PYTHONHASHSEED=0 .venv/bin/python training/word_clusters.py
"""

import json
import pathlib
import re
import unicodedata

import numpy as np
from gensim.models import Word2Vec
from scipy.cluster.vq import kmeans2

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "src" / "entities" / "judge" / "clusters.tsv"
MIN_CAPITALISED = 4
MODEL = ROOT / "target" / "word2vec.model"
COARSE, FINE = 64, 512
WORD = re.compile(r"\w+(?:-\w+)*")


def key(word):
    """The word's key as depeche's name keys write it: lowercase, no accents, spaces for hyphens."""
    folded = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in folded if not unicodedata.combining(c)).replace("-", " ")


def annotated():
    """The paths of every article of the annotated sets."""
    paths = set()
    for gold in (ROOT / "tests" / "data").glob("*.jsonl"):
        for line in gold.read_text().splitlines():
            if line.strip():
                paths.add(json.loads(line)["file"])
    return paths


def sentences(capitalised):
    """Each paragraph of the corpus as a list of keys; counts capitalised spellings."""
    skip = annotated()
    for path in sorted(CORPUS.rglob("*.txt")):
        relative = str(path.relative_to(CORPUS))
        if relative in skip or path.name == "README.md":
            continue
        text = path.read_text(errors="replace").replace("'", " ").replace("\u2019", " ")
        for paragraph in text.split("\n"):
            words = WORD.findall(paragraph)
            if len(words) < 3:
                continue
            keys = []
            for word in words:
                k = key(word)
                keys.append(k)
                if word[0].isupper():
                    capitalised[k] = capitalised.get(k, 0) + 1
            yield keys


def main():
    capitalised = {}
    corpus = list(sentences(capitalised))
    print(f"{len(corpus)} paragraphs")
    if MODEL.exists():
        model = Word2Vec.load(str(MODEL))
    else:
        model = Word2Vec(corpus, vector_size=100, window=4, min_count=MIN_CAPITALISED, sg=1,
                         negative=5, epochs=4, workers=1, seed=2035)
        model.save(str(MODEL))
    words = sorted(w for w, n in capitalised.items()
                   if n >= MIN_CAPITALISED and w in model.wv and not w.isdigit())
    vectors = np.array([model.wv[w] for w in words])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    _, coarse = kmeans2(vectors, COARSE, minit="++", seed=2035, iter=20)
    _, fine = kmeans2(vectors, FINE, minit="++", seed=2035, iter=20)
    lines = [f"# word\tcoarse fine: written by training/word_clusters.py"]
    lines += [f"{w}\t{c} {f}" for w, c, f in zip(words, coarse, fine)]
    OUT.write_text("\n".join(lines) + "\n")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
