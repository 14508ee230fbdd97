"""The file layout: one list of sources per jurisdiction, one file per provision, one canonical writer.

The fixture data (tests/data/minimal) is in the older layout, one file per instrument with sources written out;
these tests convert a copy of it and check what the loader and writer do with the result.
"""

from __future__ import annotations

import datetime as dt
import os
import runpy
import shutil
from pathlib import Path
from typing import Any

import attrs
import pytest

import policykit
from policykit._yaml import Yaml11Text, read_yaml
from policykit.loading import load_with_sources
from policykit.model import SourceKind
from policykit.writing import canonical_files, dump_provision, dump_yaml, format_data, new_source_id, without_pinpoint

from .conftest import MINIMAL

PENAL_ACT = os.path.join("xa", "instruments", "penal-act")


@pytest.fixture
def converted(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(MINIMAL, root)
    format_data(root)
    return root


def _problems(root: Path) -> list[tuple[str, int, int, str]]:
    return [(os.path.relpath(p.file, root), p.line, p.column, p.message) for p in policykit.validate([root])]


def test_conversion_keeps_every_object(converted: Path, minimal: policykit.Dataset) -> None:
    again = policykit.load(converted)
    assert again.provisions == minimal.provisions
    assert again.instruments == minimal.instruments
    assert again.jurisdictions == minimal.jurisdictions
    assert sorted(path.name for path in (converted / PENAL_ACT).iterdir()) == [
        "art_3.yaml",
        "art_4.yaml",
        "art_40.yaml",
        "art_5.yaml",
        "index.yaml",
    ]
    assert not (converted / "xa" / "instruments" / "penal-act.yaml").exists()


def test_conversion_is_idempotent_and_check_writes_nothing(tmp_path: Path, converted: Path) -> None:
    assert format_data(converted) == []
    old = tmp_path / "old"
    shutil.copytree(MINIMAL, old)
    before = {path: path.read_bytes() for path in old.rglob("*.yaml")}
    changed = format_data(old, check=True)
    assert old / "xa" / "instruments" / "penal-act.yaml" in changed
    assert old / "xa" / "sources.yaml" in changed
    assert {path: path.read_bytes() for path in old.rglob("*.yaml")} == before


def test_every_file_is_what_the_writer_makes_of_it(converted: Path) -> None:
    files = canonical_files(converted)
    assert sorted(files) == sorted(converted.rglob("*.yaml"))
    for path, text in files.items():
        assert path.read_text(encoding="utf-8") == text, path


def test_sources_differing_only_by_pinpoint_are_one_source_cited_twice(converted: Path) -> None:
    art_3 = (converted / PENAL_ACT / "art_3.yaml").read_text(encoding="utf-8")
    assert "- {source: example-penal-act-3, pinpoint: Art. 3}" in art_3
    assert "- {source: example-penal-act-3}" in art_3  # the same source, cited without a pinpoint
    assert (converted / "xa" / "sources.yaml").read_text(encoding="utf-8").count("example-penal-act-3:") == 1


def test_listed_ids_are_kept_when_data_is_converted_again(converted: Path) -> None:
    sources = converted / "xa" / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("example-penal-act-3:", "gazette-3:"), "utf-8")
    for path in (converted / PENAL_ACT).glob("art_3.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("example-penal-act-3", "gazette-3"), "utf-8")
    format_data(converted)
    assert "gazette-3:" in sources.read_text(encoding="utf-8")


def test_an_unknown_source_is_located(converted: Path) -> None:
    art_3 = converted / PENAL_ACT / "art_3.yaml"
    text = art_3.read_text(encoding="utf-8")
    art_3.write_text(text.replace("{source: example-penal-act-3}", "{source: example-penal-act-33}"), "utf-8")
    line = text[: text.index("{source: example-penal-act-3}")].count("\n") + 1
    assert _problems(converted) == [
        (
            os.path.join(PENAL_ACT, "art_3.yaml"),
            line,
            18,
            "provisions.art_3.versions[1].sources[0].source: unknown source 'example-penal-act-33'; "
            "did you mean 'example-penal-act-3'? expected an id listed in xa/sources.yaml",
        )
    ]


def test_an_unused_or_repeated_source_is_located(converted: Path) -> None:
    sources = converted / "xa" / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    block = text[text.index("  example-penal-act-4:") : text.index("  example-penal-act-40:")]
    sources.write_text(text + block.replace("example-penal-act-4:", "unused-copy:"), "utf-8")
    line = text.count("\n") + 1
    assert _problems(converted) == [
        (
            os.path.join("xa", "sources.yaml"),
            line,
            3,
            "sources.unused-copy: the same source as 'example-penal-act-4' (line 9); list it once and cite that id "
            "(a pinpoint belongs to the citation)",
        )
    ]
    other = block.replace("example-penal-act-4:", "unused:").replace("art. 4", "art. 4 (other)")
    sources.write_text(text + other, "utf-8")
    assert _problems(converted) == [
        (
            os.path.join("xa", "sources.yaml"),
            line,
            3,
            "sources.unused: no version or event cites this source; cite it or remove it",
        )
    ]


def test_a_citation_without_a_list_of_sources_is_located(converted: Path) -> None:
    (converted / "xa" / "sources.yaml").unlink()
    problems = [problem for problem in _problems(converted) if "source" in problem[3]]
    assert len(problems) == 5  # one per citation
    assert problems[0][3].endswith(
        "unknown source 'example-penal-act-3': there is no xa/sources.yaml listing the sources to cite"
    )


def test_a_problem_in_a_provision_file_is_located_in_it(converted: Path) -> None:
    art_4 = converted / PENAL_ACT / "art_4.yaml"
    text = art_4.read_text(encoding="utf-8")
    art_4.write_text(text.replace("status: verified", "status: checked", 1), "utf-8")
    line = text[: text.index("status: verified")].count("\n") + 1
    assert [problem for problem in _problems(converted) if problem[0].startswith(PENAL_ACT)] == [
        (
            os.path.join(PENAL_ACT, "art_4.yaml"),
            line,
            13,
            "provisions.art_4.versions[0].status: expected one of: verified, unverified; found text 'checked'",
        )
    ]


def test_one_provision_file_is_checked_against_its_jurisdictions_sources(converted: Path) -> None:
    art_3 = converted / PENAL_ACT / "art_3.yaml"
    assert policykit.validate([art_3]) == []
    art_3.write_text(art_3.read_text(encoding="utf-8").replace("example-penal-act-3}", "nowhere}"), "utf-8")
    assert [p.message.rsplit(": ", 1)[-1] for p in policykit.validate([art_3])] == [
        "unknown source 'nowhere'; expected an id listed in xa/sources.yaml"
    ]
    assert policykit.validate([converted / PENAL_ACT / "index.yaml"]) == []
    assert policykit.validate([converted / "xa" / "sources.yaml"]) == []


def test_folder_problems_are_located(converted: Path) -> None:
    (converted / PENAL_ACT / "index.yaml").rename(converted / "index.yaml.bak")
    assert (
        PENAL_ACT,
        1,
        1,
        "instrument folder without index.yaml; expected one with title, kind and official_url",
    ) in (_problems(converted))
    (converted / "index.yaml.bak").rename(converted / PENAL_ACT / "index.yaml")
    (converted / "xa" / "instruments" / "penal-act.yaml").write_text("title: {original: X}\n", "utf-8")
    (converted / PENAL_ACT / "notes.txt").write_text("x", "utf-8")
    (converted / PENAL_ACT / "Art 9.yaml").write_text("article: '9'\n", "utf-8")
    assert _problems(converted) == [
        (
            os.path.join("xa", "instruments", "penal-act.yaml"),
            1,
            1,
            "instrument 'penal-act' is also a folder; keep one of penal-act.yaml and penal-act/",
        ),
        (
            os.path.join(PENAL_ACT, "Art 9.yaml"),
            1,
            1,
            "provision file name 'Art 9' is not a valid provision slug; use a-z, 0-9, '_' and '-' "
            "(e.g. art_14__para_1.yaml)",
        ),
        (
            os.path.join(PENAL_ACT, "notes.txt"),
            1,
            1,
            "unexpected file; expected index.yaml and one <provision-slug>.yaml per provision",
        ),
    ]


def test_an_instrument_folder_needs_provisions(converted: Path) -> None:
    for path in (converted / PENAL_ACT).glob("art_*.yaml"):
        path.unlink()
    problems = _problems(converted)
    assert (
        os.path.join(PENAL_ACT, "index.yaml"),
        1,
        1,
        "instrument folder without provisions; expected one <provision-slug>.yaml per provision",
    ) in problems


def test_events_cite_the_same_list(converted: Path) -> None:
    events = converted / "xa" / "events.yaml"
    events.write_text(
        "events:\n"
        "  raid:\n"
        "    name: {en: A raid}\n"
        "    started_on: 2020-01-01\n"
        "    summary: Invented.\n"
        "    facts:\n"
        "      - label: Arrests\n"
        "        value: 3\n"
        "        sources: [{source: example-penal-act-5, pinpoint: p. 2}]\n",
        "utf-8",
    )
    data = policykit.load(converted)
    (fact,) = data.events["xa/event/raid"].facts
    assert fact.sources[0].read_via == "https://example.org/mirror/5"
    assert fact.sources[0].pinpoint == "p. 2"
    format_data(converted)
    assert "      - {source: example-penal-act-5, pinpoint: p. 2}\n" in events.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text", ["no", "yes", "on", "off", "y", "N", "null", "~", "3", "0x10", "1:20", "2020-01-01", "1_000", "3.5", "true"]
)
def test_the_writer_quotes_text_a_yaml_1_1_reader_would_misread(text: str) -> None:
    written = dump_yaml({"value": text})
    assert written == f'value: "{text}"\n'
    value = read_yaml(written.encode(), "f.yaml")["value"]
    assert value == text
    assert not isinstance(value, Yaml11Text)


@pytest.mark.parametrize("text", ["226-1", "Art. 3", "NO2", "14(1)", "2000-916"])
def test_the_writer_leaves_plain_text_plain(text: str) -> None:
    assert dump_yaml({"value": text}) == f"value: {text}\n"


def test_a_folder_that_does_not_load_is_not_rewritten(converted: Path) -> None:
    art_3 = converted / PENAL_ACT / "art_3.yaml"
    art_3.write_text("versions: 3\n", "utf-8")
    with pytest.raises(policykit.DataError):
        format_data(converted)
    assert art_3.read_text(encoding="utf-8") == "versions: 3\n"


def test_the_script_checks_converts_and_refuses_broken_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = runpy.run_path(str(Path(__file__).parent.parent / "scripts" / "format_data.py"))
    root = tmp_path / "data"
    shutil.copytree(MINIMAL, root)
    assert script["main"](["--check", str(root)]) == 1
    assert f"would change: {root / 'xa' / 'sources.yaml'}" in capsys.readouterr().out
    assert script["main"]([str(root)]) == 0
    assert script["main"](["--check", str(root)]) == 0
    (root / "xa" / "jurisdiction.yaml").write_text("code: [\n", "utf-8")
    assert script["main"]([str(root)]) == 2


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda text: text.replace("sources:\n", "sources:\n  Bad_Id: {}\n"),
            (
                2,
                3,
                "sources: 'Bad_Id' is not a valid source id; use a-z, 0-9, '_' and '-' (e.g. legifrance-226-1-2024)",
            ),
        ),
        (
            lambda text: text.replace("kind: secondary", "kind: blogpost"),
            (
                28,
                11,
                "sources.example-penal-act-5.kind: expected one of: official_text, official_translation, "
                "secondary; found text 'blogpost'",
            ),
        ),
        (lambda text: "", (1, 1, "file is empty; expected a mapping")),
        (lambda text: "sources: [\n", (2, 1, "YAML syntax error")),
    ],
)
def test_problems_in_the_list_of_sources_are_reported_once(
    converted: Path, edit: Any, expected: tuple[int, int, str]
) -> None:
    sources = converted / "xa" / "sources.yaml"
    sources.write_text(edit(sources.read_text(encoding="utf-8")), "utf-8")
    listed = [problem for problem in _problems(converted) if problem[0] == os.path.join("xa", "sources.yaml")]
    assert [(line, column, message[: len(expected[2])]) for _, line, column, message in listed][:1] == [expected]
    others = [problem for problem in _problems(converted) if "source" in problem[3] and problem not in listed]
    assert others == []  # citations of a source with a problem do not repeat it


def test_a_citation_needs_an_id(converted: Path) -> None:
    art_3 = converted / PENAL_ACT / "art_3.yaml"
    art_3.write_text(
        art_3.read_text(encoding="utf-8").replace("{source: example-penal-act-3}", "{source: [3]}"), "utf-8"
    )
    assert any(
        message.endswith(
            "sources[0].source: expected an id of lower-case ASCII letters, digits, '_' and '-', found a list"
        )
        for _, _, _, message in _problems(converted)
    )


def test_empty_and_misnamed_instrument_files_are_located(converted: Path) -> None:
    (converted / PENAL_ACT / "art_3.yaml").write_text("", "utf-8")
    (converted / PENAL_ACT / "index.yaml").write_text("", "utf-8")
    renamed = converted / "xa" / "instruments" / "Penal"
    (converted / PENAL_ACT).rename(renamed)
    problems = _problems(converted)
    assert (
        os.path.join("xa", "instruments", "Penal"),
        1,
        1,
        "instrument folder name 'Penal' is not a valid slug; use a-z, 0-9, '_' and '-'",
    ) in problems
    renamed.rename(converted / PENAL_ACT)
    problems = _problems(converted)
    assert (os.path.join(PENAL_ACT, "art_3.yaml"), 1, 1, "file is empty; expected a mapping") in problems
    assert (os.path.join(PENAL_ACT, "index.yaml"), 1, 1, "file is empty; expected a mapping") in problems


def test_load_with_sources_needs_a_clean_folder(tmp_path: Path) -> None:
    with pytest.raises(policykit.DataError, match="no such file or folder"):
        load_with_sources(tmp_path / "nowhere")
    (tmp_path / "file.yaml").write_text("a: 1\n", "utf-8")
    with pytest.raises(policykit.DataError, match="not a folder"):
        load_with_sources(tmp_path / "file.yaml")


def test_a_version_whose_conditions_differ_keeps_its_own(tmp_path: Path, minimal: policykit.Dataset) -> None:
    provision = minimal.provisions["xa/penal-act/art_3"]
    first, second = provision.versions
    changed = attrs.evolve(provision, versions=(first, attrs.evolve(second, applies_only_when=("online",))))
    text = dump_provision(changed, {without_pinpoint(s): "s" for v in changed.versions for s in v.sources}, "EUR")
    assert text.count("applies_only_when: [online]") == 1
    assert "applies_only_when" not in text.split("versions:")[0]


def test_new_source_ids_are_readable_and_distinct() -> None:
    source = policykit.Source(
        "https://flk.npc.gov.cn/detail.html?x",
        "中华人民共和国刑法",
        "NPC",
        "zh",
        SourceKind.OFFICIAL_TEXT,
        dt.date(2026, 1, 1),
    )
    assert new_source_id(source, [], hint="criminal-law") == "flk-npc-criminal-law"
    assert new_source_id(source, ["flk-npc-criminal-law"], hint="criminal-law") == "flk-npc-criminal-law-2"
    long = attrs.evolve(
        source,
        url="https://www.legifrance.gouv.fr/x",
        title="Code pénal, article 226-1 (version en vigueur du 1er janvier 2002 au 1er août 2020), consolidated text",
    )
    assert new_source_id(long, []) == "legifrance-code-penal-226-1-2002-2020"
    assert new_source_id(attrs.evolve(source, url="https://law.go.kr/x", title="법"), []) == "law-go-kr"


def test_text_with_an_apostrophe_is_double_quoted_when_it_needs_quotes() -> None:
    assert dump_yaml({"a": "the victim's: consent"}) == 'a: "the victim\'s: consent"\n'
    assert dump_yaml({"a": "the victim's consent"}) == "a: the victim's consent\n"
    assert dump_yaml({"a": 'say "no": it\'s'}) == "a: 'say \"no\": it''s'\n"


def test_an_old_file_merged_over_a_folder_replaces_it_on_request(converted: Path) -> None:
    # Another branch edited the instrument in the older layout; after the merge, both forms are present.
    old = converted / "xa" / "instruments" / "penal-act.yaml"
    text = (MINIMAL / "xa" / "instruments" / "penal-act.yaml").read_text(encoding="utf-8")
    summary = "Filming a person's intimate parts without consent."
    assert summary in text
    old.write_text(text.replace(summary, "Filming intimate parts without consent (edited on a branch)."), "utf-8")
    sources_before = (converted / "xa" / "sources.yaml").read_text(encoding="utf-8")
    with pytest.raises(policykit.DataError, match="also a folder"):
        format_data(converted)
    art_3 = converted / PENAL_ACT / "art_3.yaml"
    before = art_3.read_text(encoding="utf-8")
    assert format_data(converted, check=True, replace_folders=True) == [art_3, old]
    assert art_3.read_text(encoding="utf-8") == before
    assert format_data(converted, replace_folders=True) == [art_3, old]
    assert "(edited on a branch)" in art_3.read_text(encoding="utf-8")
    assert not old.exists()
    assert (converted / "xa" / "sources.yaml").read_text(encoding="utf-8") == sources_before  # ids kept
    assert format_data(converted, replace_folders=True) == []
    assert policykit.validate([converted]) == []


def test_a_link_out_of_the_data_folder_in_an_instrument_folder_is_refused(converted: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text("article: '9'\n", "utf-8")
    (converted / PENAL_ACT / "art_9.yaml").symlink_to(outside)
    assert _problems(converted) == [
        (
            os.path.join(PENAL_ACT, "art_9.yaml"),
            1,
            1,
            "link to a place outside the data folder; links must stay inside the data folder",
        )
    ]
