"""Qt-free Excel cells: reading the office's roster workbooks, writing the published roster.

What a cell *means* (dates, phones, levels, validation) is decided in ``core.services.importing``;
this package only finds the table in a workbook and hands over its raw values.
"""
