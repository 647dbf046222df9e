"""make audit's pure parts: the bare Material baseline's configuration and the side-by-side report."""

from __future__ import annotations

import sys

from conftest import REPO, real_config

sys.path.insert(0, str(REPO / "scripts"))
import audit


def run(tbt: float, fcp: float, lcp: float) -> audit.Run:
    return audit.Run({"TBT": tbt, "FCP": fcp, "LCP": lcp}, dict.fromkeys(audit.CATEGORIES, 100), {})


def test_bare_baseline_is_plain_material_with_its_own_annotation_features():
    config = real_config()
    bare = audit.bare_config(config, {"index.md", "about.md", "story/the-fall.md"})
    assert set(bare) == {"site_name", "site_description", "site_url", "markdown_extensions", "theme", "nav"}
    assert "custom_dir" not in bare["theme"]
    assert bare["theme"]["palette"] == config["theme"]["palette"]
    assert {"content.tooltips", "content.footnote.tooltips", *config["theme"]["features"]} == set(
        bare["theme"]["features"]
    )
    assert bare["nav"] == [{"Home": "index.md"}, {"The story": ["story/the-fall.md"]}, {"About": "about.md"}]


def test_bare_baseline_without_tooltips_keeps_only_the_sites_own_features():
    config = real_config()
    bare = audit.bare_config(config, {"index.md"}, tooltips=False)
    assert set(bare["theme"]["features"]) == set(config["theme"]["features"])
    assert "content.footnote.tooltips" not in bare["theme"]["features"]


def test_bare_notes_define_each_cited_source_once_as_a_plain_footnote(tmp_path):
    page = tmp_path / "story" / "a.md"
    page.parent.mkdir()
    page.write_text("Shares fell.[^cnbc-2025-alibaba-rally] They rose.[^cnbc-2025-alibaba-rally] [^not-a-source]\n")
    (tmp_path / "plain.md").write_text("No notes here.\n")
    audit.add_plain_notes(tmp_path)
    lines = page.read_text().splitlines()
    definitions = [line for line in lines if line.startswith("[^")]
    assert len(definitions) == 1  # one per source, however often cited; an unknown key is left alone
    assert definitions[0].startswith("[^cnbc-2025-alibaba-rally]: ") and definitions[0].count(", ") >= 2
    assert (tmp_path / "plain.md").read_text() == "No notes here.\n"  # a page that cites nothing is unchanged


def test_the_report_names_the_command_that_made_its_figures():
    def command(*options: str) -> str:
        return audit.command_line(audit.arguments([*options]))

    assert command() == command("--out", "/tmp/elsewhere.md") == "make audit"  # where it is written changes no figure
    assert command("--bare-n", "--page", "story/the fall/", "--runs=2") == (
        "scripts/audit.py --runs 2 --page 'story/the fall/' --bare-notes"
    )


def test_report_gives_medians_ratios_and_the_blocking_time_difference():
    pages = [
        audit.PageResult(
            "story/a/", [run(60, 1000, 1500), run(70, 1100, 1600), run(50, 900, 1400)], [run(0, 1400, 1400)]
        ),
        audit.PageResult("story/b/", [run(90, 1000, 1500)], [run(80, 1400, 1400)]),
        audit.PageResult("glossary/", [run(160, 1200, 1300)], []),
    ]
    table = audit.side_by_side(pages)
    assert table[2] == "| /story/a/ | 60 | 0 | – | +60 | 1,000 | 1,400 | 0.71 | 1,500 | 1,400 | 1.07 |"
    assert table[4].startswith("| /glossary/ | 160 | – | – | – |")
    summary = audit.story_summary(pages)[0]
    assert "TBT ratio at most 1.12 on the 1 where the bare build blocks for 50 ms or more" in summary
    assert "TBT at most +60 ms" in summary and "LCP ratio at most 1.07" in summary


def test_a_target_is_missed_beyond_noise_only_if_the_best_pairing_of_runs_misses_it():
    noisy = audit.PageResult(
        "story/noisy/", [run(200, 900, 1500), run(90, 1000, 1300)], [run(60, 1400, 1300), run(160, 1400, 1450)]
    )
    slower = audit.PageResult(
        "story/slower/", [run(300, 900, 1300), run(320, 900, 1300)], [run(100, 1400, 1400), run(120, 1400, 1400)]
    )
    fine = audit.PageResult("story/fine/", [run(50, 900, 1300)], [run(100, 1400, 1400)])
    assert noisy.best_pairing("TBT") == 90 / 160 and slower.best_pairing("TBT") == 300 / 120
    assert (
        fine.best_pairing("TBT") == 0.5
        and audit.PageResult("glossary/", [run(1, 1, 1)], []).best_pairing("TBT") is None
    )
    verdicts = [line for line in audit.story_summary([noisy, slower, fine]) if line.startswith("- ")]
    assert verdicts == [
        "- TBT ≤ 1.2 × bare (3 pages): missed beyond noise on /story/slower/ (2.82, best pairing 2.50); "
        "missed by the medians but within noise on /story/noisy/ (1.32, best pairing 0.56).",
        "- FCP ≤ 1 × bare (3 pages): met on every page by its medians.",
        "- LCP ≤ 1 × bare (3 pages): missed beyond noise on none; missed by the medians but within noise on "
        "/story/noisy/ (1.02, best pairing 0.90).",
    ]


def test_page_weight_is_the_html_as_served_and_says_if_it_fits_the_first_round_trip(tmp_path):
    (tmp_path / "story" / "a").mkdir(parents=True)
    (tmp_path / "story" / "a" / "index.html").write_bytes(b"<p>same</p>" * 1000)
    size = audit.gzipped_html_size(tmp_path, "story/a/")
    assert 0 < size < 1000 and audit.gzipped_html_size(tmp_path, "story/b/") is None
    table = audit.weight_table({"story/a/": (size, None), "story/b/": (20_000, 7_400)})
    assert table[2] == f"| /story/a/ | {size / 1000:.1f} | – | yes |"
    assert table[3] == "| /story/b/ | 20.0 | 7.4 | no |"
    assert "## Page weight" in audit.markdown([], "tools", 1, "0.0", {"story/b/": (20_000, 7_400)})
