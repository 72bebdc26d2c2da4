"""Tests of querylang.py's translations. Run: python3 benches/compare/test_querylang.py"""

import json
import unittest

from querylang import translate


class Translations(unittest.TestCase):
    def check(self, query: str, expected: dict[str, str]) -> None:
        for syntax, text in expected.items():
            self.assertEqual(translate(query, syntax).text, text, f"{syntax}: {query}")

    def test_words_phrases_or_and_exclusions(self):
        self.check(
            '"gilets jaunes" Trump OR Poutine -Paris',
            {
                "fts5": '"gilets jaunes" AND ("Trump" OR "Poutine") NOT "Paris"',
                "xapian": '"gilets jaunes" AND (Trump OR Poutine) AND NOT Paris',
                "lucene": '+"gilets jaunes" +(Trump Poutine) -Paris',
            },
        )

    def test_title_kept_other_fields_dropped_with_a_note(self):
        self.check(
            "title:grève agency:afp",
            {"fts5": 'title : "grève" AND "afp"', "lucene": "+title:grève +afp"},
        )
        notes = translate("title:grève agency:afp", "xapian").approximations
        self.assertEqual(notes, {"agency: prefix dropped"})

    def test_date_filters_are_dropped(self):
        queries = ("grève date:>=2019-12-01T00:00:00Z", "grève date:[2020-01-01T00:00:00Z TO *]")
        for query in queries:
            translation = translate(query, "fts5")
            self.assertEqual(translation.text, '"grève"')
            self.assertEqual(translation.approximations, {"date filter dropped"})

    def test_elisions(self):
        self.check(
            "l'État \"état d'urgence\"",
            {
                "fts5": '"État" AND "état d\'urgence"',
                "xapian": 'État AND "état urgence"',
                "lucene": "+l'État +\"état d'urgence\"",
            },
        )
        plan = json.loads(translate("\"état d'urgence\"", "ripgrep").text)
        self.assertEqual(plan["all"], [["état d'urgence", "état d’urgence"]])

    def test_lucene_escapes_special_characters(self):
        self.check("Covid-19", {"lucene": "+Covid\\-19"})

    def test_nothing_required_means_not_run(self):
        self.assertEqual(translate("-grève", "fts5").text, "")


if __name__ == "__main__":
    unittest.main()
