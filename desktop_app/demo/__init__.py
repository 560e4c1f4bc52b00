"""Demo data (``membership-office demo``, ``--demo``): believable members, staff, mentor history and
an admission queue. Not production code: nothing in ``core`` imports it."""

from desktop_app.demo.members import (
    DEMO_PASSWORD,
    NotADemoDatabase,
    check_demo_target,
    database_contents,
    generate_demo,
    is_demo_database,
)

__all__ = [
    "DEMO_PASSWORD",
    "NotADemoDatabase",
    "check_demo_target",
    "database_contents",
    "generate_demo",
    "is_demo_database",
]
