"""Xapian comparator: indexes the corpus with Xapian's French Snowball stemmer and replays
translated queries. Needs Debian's python3-xapian, which loads only under /usr/bin/python3.

    xapian_fr.py index CORPUS DIR
    xapian_fr.py bench DIR QUERIES --runs N --warmup N [--no-snippets]

Text is indexed by TermGenerator (STEM_SOME, positions kept for phrases), the title with a
within-document frequency of 3 (depeche's title weight) and again under the prefix `S` for
`title:` queries. Xapian keeps `l'armée` as one word, so elisions are stripped in Python before it
sees the text (and in compare.py's query translation); there is no accent folding. Ranking is
BM25Weight; top 10 with path and title from the document data and, unless --no-snippets,
MSet.snippet() over the body (200 characters, matches in <b>).
"""

import harness
import xapian
from querylang import ELISION

FLAGS = xapian.QueryParser.FLAG_BOOLEAN | xapian.QueryParser.FLAG_PHRASE


def index(corpus: str, db_path: str) -> None:
    """Builds the database: one document per article, data `path\\ntitle\\nbody`."""
    db = xapian.WritableDatabase(db_path, xapian.DB_CREATE_OR_OVERWRITE)
    terms = xapian.TermGenerator()
    terms.set_stemmer(xapian.Stem("french"))
    for article in harness.articles(corpus):
        doc = xapian.Document()
        terms.set_document(doc)
        title, body = ELISION.sub("", article.title), ELISION.sub("", article.body)
        terms.index_text(title, 3)
        terms.index_text(title, 1, "S")
        terms.increase_termpos()
        terms.index_text(body)
        doc.set_data(f"{article.path}\n{article.title}\n{article.body}")
        db.add_document(doc)
    db.commit()
    db.close()


def query_parser(stemmer: xapian.Stem) -> xapian.QueryParser:
    """Parser for the translated queries: French stemming, AND by default, `title:` → `S`."""
    parser = xapian.QueryParser()
    parser.set_stemmer(stemmer)
    parser.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    parser.set_default_op(xapian.Query.OP_AND)
    parser.add_prefix("title", "S")
    return parser


def bench(db_path: str, queries_path: str, runs: int, warmup: int, snippets: bool) -> None:
    """Replays the queries one at a time; each timing covers parsing, matching and the top 10."""
    db = xapian.Database(db_path)
    stemmer = xapian.Stem("french")
    parser = query_parser(stemmer)

    def search(query: str) -> int:
        enquire = xapian.Enquire(db)
        enquire.set_query(parser.parse_query(query, FLAGS))
        mset = enquire.get_mset(0, 10)
        for match in mset:
            _path, _title, body = match.document.get_data().decode("utf-8").split("\n", 2)
            if snippets:
                mset.snippet(body, 200, stemmer)
        return mset.size()

    queries = harness.read_translated(queries_path)
    latencies, with_hits = harness.replay(queries, search, runs, warmup)
    harness.emit("xapian", xapian.version_string(), latencies, with_hits)


if __name__ == "__main__":
    harness.command_line(__doc__, index, bench)
