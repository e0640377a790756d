"""Loading the when/ cue tables: the packaged ones load, broken ones fail naming file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tidings.errors import DataFileError
from tidings.when.cues import PACKAGED_DIRECTORY as PACKAGED
from tidings.when.cues import Count, Unit, load_cues


def test_packaged_tables_load():
    cues = load_cues()
    assert cues.months["Sept"] == 9 and cues.weekdays["Sunday"] == 6
    assert cues.numbers["a few"] == Count(2, 5)
    assert cues.units["fortnight"] == Unit("days", 14)
    assert cues.parts_of_month["mid"] in ("month", *range(1, 29))


def broken_copy(tmp_path: Path, name: str, line: str) -> Path:
    for table in ("calendar.tsv", "cues.tsv"):
        shutil.copy(PACKAGED / table, tmp_path / table)
    with (tmp_path / name).open("a", encoding="utf-8") as handle:
        handle.write(line)
    return tmp_path


@pytest.mark.parametrize(
    ("name", "line", "reason"),
    [
        ("calendar.tsv", "month\tSmarch\t13\n", "outside 1..12"),
        ("calendar.tsv", "unit\tmoon\tmoons:1\n", "days:N"),
        ("cues.tsv", "direction\tyonder\tfar\n", "not an integer"),
        ("cues.tsv", "part_of_month\tlate\t31\n", "outside 1..28"),
        ("cues.tsv", "colour\tblue\t\n", "unknown kind"),
        ("cues.tsv", "relative_day\tsoon\t\n", "needs a value"),
    ],
)
def test_broken_row_names_file_and_line(tmp_path, name, line, reason):
    directory = broken_copy(tmp_path, name, line)
    last_line = len((directory / name).read_text(encoding="utf-8").splitlines())
    with pytest.raises(DataFileError, match=reason) as raised:
        load_cues(directory)
    assert raised.value.path.endswith(name) and raised.value.line == last_line
