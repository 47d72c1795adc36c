"""Scotty's date formats per language (FORMAT_MODULE_PATH), ahead of Django's own.

Templates name a format (`|date:"SHORT_DATETIME_FORMAT"`) instead of spelling one out, so
each language writes dates its way: "14 Mar 2025, 08:00" and "14. März 2025, 08:00".
Anything not set here (separators, input formats) is Django's for that language.
"""
