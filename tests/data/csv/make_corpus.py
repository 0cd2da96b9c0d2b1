#!/usr/bin/env python3
"""Writes the CSV corpus used by tests/contacts (run from anywhere; files land beside this script).

Every good_*.csv holds the same five contacts (GOOD_ROWS) in another dialect, so one expected table
checks them all. The bad_* files each carry one defect on a known physical line.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["telefono", "nombre", "apellido", "id_cliente", "notas"]
# Keep in sync with tests/contacts/support/corpus.cpp.
GOOD_ROWS = [
    ["3511234567", "José", "Pérez", "C-001", 'cliente "VIP", Córdoba'],
    ["3517654321", "Zoë", "O'Brien 😀", "", "línea 1\nlínea 2"],
    ["3510000000", "Ana", "", "", ""],
    ["+54 351 555", "Łukasz", "Nowak", "C-004", "a;b\tc"],
    ["3519999999", "Ñandú", "Ç'est \"ça\"", "C-005", "  espacios  "],
]


def encode(rows, delim=",", eol="\n", bom=False, quote_all=False, eols=None):
    out = []
    for i, row in enumerate(rows):
        fields = []
        for f in row:
            if quote_all or any(c in f for c in (delim, '"', "\n", "\r")) or f != f.strip():
                fields.append('"' + f.replace('"', '""') + '"')
            else:
                fields.append(f)
        end = eols[i % len(eols)] if eols else eol
        out.append(delim.join(fields) + end)
    data = "".join(out).encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


rows = [HEADER] + GOOD_ROWS
write("good_basic.csv", encode(rows))
write("good_bom_crlf.csv", encode(rows, eol="\r\n", bom=True))
write("good_semicolon.csv", encode(rows, delim=";"))
write("good_tab.csv", encode(rows, delim="\t"))
write("good_quoted_all.csv", encode(rows, quote_all=True))
write("good_mixed_line_endings.csv", encode(rows, eols=["\r\n", "\n", "\r\n"]))
# No final line break, and blank lines between records (skipped).
write("good_no_final_newline.csv", encode(rows)[:-1])
write("good_blank_lines.csv", encode(rows[:3]) + b"\n\r\n" + encode(rows[3:]))

# Defects, each on a known physical line (the header is line 1).
write("bad_repeated_external_id.csv", encode([HEADER,
    ["3510000001", "Ana", "A", "77", ""],        # line 2
    ["3510000002", "Beto", "B", "", ""],         # line 3
    ["3510000003", "Carla", "C", "78", ""],      # line 4
    ["3510000004", "Dario", "D", "77", ""],      # line 5: repeats line 2
    ["3510000005", "Eva", "E", "79", ""],
]))
write("good_repeated_empty_ids.csv", encode([HEADER,
    ["3510000001", "Ana", "A", "", ""],
    ["3510000002", "Beto", "B", "", ""],
    ["3510000003", "Carla", "C", "", ""],
]))
write("bad_wrong_field_count.csv", encode([HEADER,
    ["3510000001", "Ana", "A", "1", "two\nlines"],   # lines 2-3
    ["3510000002", "Beto", "B", "2", ""],            # line 4
]) + "3510000003,Carla,C\n".encode() + encode([["3510000004", "Dario", "D", "4", ""]]))   # line 5
write("bad_invalid_utf8.csv", encode([HEADER, ["3510000001", "Ana", "A", "1", ""]])
      + b"3510000002,Jos\xe9,P\xe9rez,2,\n"                                                  # line 3: Latin-1
      + encode([["3510000003", "Carla", "C", "3", ""]]))
write("bad_empty_phone.csv", encode([HEADER,
    ["3510000001", "Ana", "A", "1", ""],
    ["3510000002", "Beto", "B", "2", ""],
    ["  ", "Carla", "C", "3", ""],                    # line 4
]))
write("bad_unterminated_quote.csv", encode([HEADER, ["3510000001", "Ana", "A", "1", ""]])
      + b'3510000002,"Beto,B,2,\n3510000003,Carla,C,3,\n')                                  # opens on line 3
write("bad_stray_quote.csv", encode([HEADER]) + b'3510000001,An"a,A,1,\n'                    # line 2
      + encode([["3510000002", "Beto", "B", "2", ""]]))
write("header_only.csv", encode([HEADER]))
write("empty.csv", b"")
