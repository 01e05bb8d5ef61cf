"""kiosk validate says how much of the content each language has, and lists what is missing where."""

from __future__ import annotations

from typing import Any

from kiosk.cli import main
from kiosk.core.loader import load_content
from kiosk.core.summary import translation_coverage

from .contentkit import ContentFolder

A = "agenda.yaml"
S = "sections/10-one.yaml"


def test_every_text_lacking_a_language_is_listed_with_file_line_and_field(
    content: ContentFolder, capsys: Any
) -> None:
    # The test content is in en and fr; in French only the section title and the body file
    # language map are partial, so the rest is missing.
    result = load_content(content.root)
    assert result.compiled is not None
    coverage = translation_coverage(result.texts, ["en", "fr"])
    english_done, english_missing = coverage["en"]
    assert english_missing == [] and english_done == len(result.texts)
    french_done, french_missing = coverage["fr"]
    assert french_done == 1  # only the section title
    fields = {(text.file, text.field) for text in french_missing}
    assert (A, "title") in fields and (A, "lead") in fields
    assert (S, "items[1].captions") in fields
    assert (S, "body_file") in fields
    assert (S, "items[4].items[0].body") in fields
    summary = next(t for t in french_missing if (t.file, t.field) == (S, "summary"))
    assert (summary.line, summary.column) == content.position(S, "The first section.")

    assert main(["validate", str(content.root)]) == 0
    out = capsys.readouterr().out
    total = len(result.texts)
    assert f"languages  en 100%, fr {100 * french_done // total}% of {total} texts" in out
    assert f"missing in fr ({len(french_missing)}; shown in English until translated):" in out
    assert f"{S}:{summary.line}:{summary.column}: summary" in out
    assert "missing in en" not in out


def test_complete_translations_list_nothing_missing(content: ContentFolder, capsys: Any) -> None:
    content.write(
        A,
        """\
        title: {en: Test agenda, fr: Agenda de test}
        lead: {en: Lead., fr: Introduction.}
        languages: [en, fr]
        source:
          name: {en: Test source, fr: Source de test}
          url: https://example.org/agenda
        version: "1.0"
        sections: [two]
        """,
    )
    content.path(S).unlink()
    content.write(
        "sections/two.yaml",
        """\
        id: two
        title: {en: Two, fr: Deux}
        items:
          - id: only
            kind: article
            title: {en: Only, fr: Seul}
            body: {en: Body., fr: Texte.}
        """,
    )
    assert main(["validate", str(content.root)]) == 0
    out = capsys.readouterr().out
    assert "languages  en 100%, fr 100% of 6 texts" in out
    assert "missing" not in out


def test_a_nearly_complete_language_is_never_rounded_up_to_100(content: ContentFolder) -> None:
    from kiosk.core.problems import TranslatableText
    from kiosk.core.summary import coverage_lines

    texts = [TranslatableText("a.yaml", n, 1, "title", frozenset({"en", "fr"})) for n in range(999)]
    texts.append(TranslatableText("a.yaml", 999, 1, "title", frozenset({"en"})))
    first = coverage_lines(texts, ["en", "fr"])[0]
    assert "fr 99%" in first and "en 100%" in first


def test_a_language_listed_twice_is_an_error_at_its_line(content: ContentFolder) -> None:
    content.write(A, content.read(A).replace("languages: [en, fr]", "languages: [en, fr, en]"))
    result = load_content(content.root)
    assert result.compiled is None
    (problem,) = [p for p in result.problems if p.field == "languages"]
    assert problem.line == content.line(A, "languages:")
    assert "en listed more than once" in problem.message


def test_pending_review_must_name_an_offered_language(content: ContentFolder) -> None:
    content.write(A, content.read(A) + "translations_pending_review: [fr, de]\n")
    result = load_content(content.root)
    assert result.compiled is None
    (problem,) = [p for p in result.problems if p.field.startswith("translations_pending_review")]
    assert problem.line == content.line(A, "translations_pending_review")
    assert "'de' is not one of the languages (en, fr)" in problem.message


def test_a_text_in_a_language_the_kiosk_does_not_offer_is_a_warning_at_its_line(
    content: ContentFolder,
) -> None:
    content.write(
        A, content.read(A).replace("title: Test agenda", "title: {en: Test agenda, pt: Agenda de teste}")
    )
    result = load_content(content.root)
    assert result.compiled is not None  # a warning: the content still opens
    (warning,) = [p for p in result.problems if "'pt'" in p.message]
    assert warning.severity.name == "WARNING"
    assert (warning.file, warning.line) == (A, content.line(A, "title:"))
    assert "never shown" in warning.message and "(en, fr)" in warning.message
