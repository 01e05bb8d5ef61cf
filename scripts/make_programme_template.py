"""Write the programme spreadsheet templates editors start from: docs/programme-template.csv and .xlsx.

    uv run python scripts/make_programme_template.py

Both hold the same header (every column `kiosk programme import` reads) and two example sessions of
a made-up forum. The .xlsx has real date and time cells (formatted), as an organiser's sheet has.
"""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

DOCS = Path(__file__).resolve().parent.parent / "docs"
HEADER = [
    "id",
    "day",
    "start",
    "end",
    "title",
    "title_fr",
    "room",
    "room_fr",
    "speakers",
    "speakers_fr",
    "languages",
    "summary",
    "summary_fr",
    "related",
]
ROWS = [
    [
        "opening-plenary",
        datetime.date(2027, 3, 10),
        datetime.time(9, 0),
        datetime.time(9, 45),
        "Opening plenary",
        "Séance plénière d'ouverture",
        "Main hall",
        "Salle principale",
        "Amina Haddad | Chair | Example Forum secretariat",
        "Amina Haddad | Présidente | Secrétariat du Forum exemple",
        "en, fr",
        "Welcome, and what the two days are for.",
        "Accueil, et le but de ces deux journées.",
        "",
    ],
    [
        "",
        datetime.date(2027, 3, 10),
        datetime.time(10, 0),
        datetime.time(11, 30),
        "Workshop: a contract the worker can read",
        "Atelier : un contrat que le travailleur peut lire",
        "Room B",
        "Salle B",
        "Carlos Mendes | Facilitator | Migrant Legal Aid Clinic; Lina Farouk | Panellist",
        "Carlos Mendes | Animateur | Clinique juridique pour migrants; Lina Farouk | Intervenante",
        "en",
        "Writing contracts in a language the worker understands.",
        "Rédiger les contrats dans une langue que le travailleur comprend.",
        "",
    ],
]


def cell_text(value: object) -> str:
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def main() -> None:
    with (DOCS / "programme-template.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        writer.writerows([[cell_text(v) for v in row] for row in ROWS])
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Programme"
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in ROWS:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=2):
        row[1].number_format = "yyyy-mm-dd"
        row[2].number_format = row[3].number_format = "hh:mm"
    for letter, width in zip(
        "ABCDEFGHIJKLMN", (18, 12, 8, 8, 40, 40, 14, 14, 50, 50, 10, 50, 50, 16), strict=True
    ):
        sheet.column_dimensions[letter].width = width
    # Fixed document properties, so running the script again gives the same file contents.
    moment = datetime.datetime(2026, 12, 4)
    workbook.properties.created = workbook.properties.modified = moment
    workbook.properties.creator = "Fair Migration Kiosk"
    workbook.save(DOCS / "programme-template.xlsx")


if __name__ == "__main__":
    main()
