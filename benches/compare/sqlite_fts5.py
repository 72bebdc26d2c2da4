"""SQLite FTS5 comparator: indexes the corpus into one FTS5 table and replays translated queries.

    sqlite_fts5.py index CORPUS DB
    sqlite_fts5.py bench DB QUERIES --runs N --warmup N [--no-snippets]

Tokenizer `unicode61 remove_diacritics 2` (case and accent folding, no stemming, no stop words);
ranking bm25() with the title weighted 3 and the body 1, as depeche does; top 10 with the title,
the path and, unless --no-snippets, snippet() of the body (~32 tokens, matches in <b>).
"""

import sqlite3

import harness

SCHEMA = """CREATE VIRTUAL TABLE articles USING fts5(
    title, body, path UNINDEXED, tokenize = "unicode61 remove_diacritics 2")"""
SEARCH = {
    True: """SELECT path, title, snippet(articles, 1, '<b>', '</b>', '…', 32) FROM articles
             WHERE articles MATCH ? ORDER BY bm25(articles, 3.0, 1.0) LIMIT 10""",
    False: """SELECT path, title FROM articles
              WHERE articles MATCH ? ORDER BY bm25(articles, 3.0, 1.0) LIMIT 10""",
}


def index(corpus: str, db_path: str) -> None:
    """Builds the FTS5 table in one transaction."""
    db = sqlite3.connect(db_path)
    db.execute(SCHEMA)
    with db:
        db.executemany(
            "INSERT INTO articles (title, body, path) VALUES (?, ?, ?)",
            ((a.title, a.body, a.path) for a in harness.articles(corpus)),
        )
    db.close()


def bench(db_path: str, queries_path: str, runs: int, warmup: int, snippets: bool) -> None:
    """Replays the queries one at a time; each timing covers the MATCH and fetching the top 10."""
    db = sqlite3.connect(db_path)
    sql = SEARCH[snippets]

    def search(query: str) -> int:
        return len(db.execute(sql, (query,)).fetchall())

    queries = harness.read_translated(queries_path)
    latencies, with_hits = harness.replay(queries, search, runs, warmup)
    harness.emit("sqlite-fts5", sqlite3.sqlite_version, latencies, with_hits)


if __name__ == "__main__":
    harness.command_line(__doc__, index, bench)
