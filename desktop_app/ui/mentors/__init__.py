"""The area 班主任工作 (issue 12): allocation (``allocation``), a mentor's members and its work on them
(``work``), the office's handover forms (``forms``), circulation and publicity (``circulation``),
outstanding liaisons (``nominations``); ``view`` puts them in tabs by role."""
