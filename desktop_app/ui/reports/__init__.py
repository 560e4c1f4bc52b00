"""The area 报告 (issue 17): the half-yearly mentor report with the office's reward/penalty
proposals (R-9.5), and the membership statistics — tables, QtCharts charts, Excel and PDF."""
