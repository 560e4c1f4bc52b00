"""Office-wide settings: declared once, defaults, stored in the database, audited, admin only."""

from __future__ import annotations

import pytest

from desktop_app.core.numbering import format_number
from desktop_app.core.services import members
from desktop_app.core.settings import (
    ASSOCIATION_NAME,
    LEVELS,
    MEMBER_NUMBER_FORMAT,
    SETTINGS,
    all_settings,
    get_setting,
    level_names,
    set_setting,
)
from desktop_app.errors import PermissionDenied, ValidationError


def test_defaults_without_rows(db) -> None:
    with db.session() as session:
        assert get_setting(session, ASSOCIATION_NAME) == "武汉建筑业协会"
        assert list(level_names(session).values()) == ["会长单位", "副会长单位", "常务理事单位", "理事单位", "会员单位"]
        assert set(all_settings(session)) == set(SETTINGS)


def test_administrator_changes_a_setting_for_every_workstation(db, admin) -> None:
    with db.session() as session:
        set_setting(session, admin, MEMBER_NUMBER_FORMAT, "HY-{year}-{seq:05d}")
    with db.session() as session:
        assert get_setting(session, "numbering.member_number") == "HY-{year}-{seq:05d}"


def test_settings_change_what_the_services_do(db, admin, officer, member_values) -> None:
    with db.session() as session:
        set_setting(session, admin, MEMBER_NUMBER_FORMAT, "HY-{year}-{seq:05d}")
        levels = get_setting(session, LEVELS) + [{"code": "honorary", "name": "名誉会员单位", "annual_dues": 0}]
        set_setting(session, admin, LEVELS, levels)
    with db.session() as session:
        member = members.create_member(session, officer, {**member_values, "level": "honorary"})
    assert member.member_number == "HY-2026-00001"
    assert member.level == "honorary"


def test_only_administrators_change_settings(db, officer) -> None:
    with pytest.raises(PermissionDenied), db.session() as session:
        set_setting(session, officer, ASSOCIATION_NAME, "别的协会")


def test_wrong_type_refused(db, admin) -> None:
    with pytest.raises(ValidationError, match="协会名称"), db.session() as session:
        set_setting(session, admin, ASSOCIATION_NAME, 42)


def test_bad_number_format_is_a_validation_error() -> None:
    assert format_number("WJX{year}{seq:04d}", year=2026, seq=7) == "WJX20260007"
    with pytest.raises(ValidationError, match="编号格式"):
        format_number("WJX{jahr}", year=2026, seq=1)
