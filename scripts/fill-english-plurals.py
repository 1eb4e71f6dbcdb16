#!/usr/bin/env python3
"""Fills the English plural forms of wslatlas_en.ts from the source text's "(s)"/"(es)" marks:
"%n process(es)" -> "%n process" / "%n processes". Forms already filled in are kept."""
import re
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1]
tree = ET.parse(path)
filled = 0
for message in tree.iter("message"):
    if message.get("numerus") != "yes":
        continue
    source = message.findtext("source") or ""
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    if all((form.text or "").strip() for form in forms):
        continue
    singular = re.sub(r"\((?:e?s)\)", "", source)
    plural = re.sub(r"\((e?s)\)", r"\1", source)
    for form, text in zip(forms, (singular, plural)):
        form.text = text
    translation.attrib.pop("type", None)
    filled += 1
ET.indent(tree, space="    ")
with open(path, "wb") as out:
    out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    tree.write(out, encoding="utf-8", xml_declaration=False)
    out.write(b"\n")
print(f"{path}: filled {filled} plural message(s)")
