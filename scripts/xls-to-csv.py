"""Writes every sheet of an Excel 97-2003 workbook (.xls) to <out-dir>/<sheet name>.csv, cells as shown.

Two cohort name tables (INE's Spanish names by decade of birth, the Czech Ministry of the Interior's names
by year of birth) are published only as .xls; scripts/extract-cohort-names.ts reads the CSV this writes.
Needs xlrd (Debian: apt-get install python3-xlrd), the library made for the old binary format.
Run: /usr/bin/python3 scripts/xls-to-csv.py <file.xls> <out-dir>
"""
import csv
import os
import sys

import xlrd


def cell_text(value):
    # Counts are stored as floats; write 12 rather than 12.0 so the reader needs no float parsing.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def main(path, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    book = xlrd.open_workbook(path)
    for sheet in book.sheets():
        with open(os.path.join(out_dir, sheet.name + ".csv"), "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            for row in range(sheet.nrows):
                writer.writerow([cell_text(v) for v in sheet.row_values(row)])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: xls-to-csv.py <file.xls> <out-dir>")
    main(sys.argv[1], sys.argv[2])
