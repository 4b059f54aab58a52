"""Merge translations from a Python dict file into a .ts catalogue.

`python resources/translations/fill.py medcard_ru.ts strings.py` where strings.py
defines `RU = {source: translation | (one, few, many)}`. Used to bulk-translate new
strings; day-to-day edits are made in the .ts with pyside6-linguist.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET


def fill(ts_path: str, table: dict[str, object]) -> int:
    tree = ET.parse(ts_path)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        if source not in table:
            continue
        value = table[source]
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            forms = value if isinstance(value, tuple) else (value,) * 3
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in forms:
                ET.SubElement(translation, "numerusform").text = str(form)
        elif isinstance(value, tuple):
            # Plural forms for a message lupdate did not mark as plural (a count passed
            # to QCoreApplication.translate is not seen): use self.tr(text, "", n).
            raise SystemExit(f"{source!r} is not a plural message in {ts_path}")
        else:
            translation.text = str(value)
        filled += 1
    ET.indent(tree)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return filled


if __name__ == "__main__":
    namespace = runpy.run_path(sys.argv[2])
    table = namespace.get("STRINGS") or namespace["RU"]
    print(fill(sys.argv[1], table), "messages translated")
