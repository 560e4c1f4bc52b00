"""Qt-free printed documents, drawn with ReportLab. Fonts in ``fonts``; one module per document."""
