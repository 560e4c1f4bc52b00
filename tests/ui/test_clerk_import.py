"""Issue 16 (B): the import wizard shows a row written without what the register needs as a
warning in the row's fate, and a long reason in full under the table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard

from desktop_app.ui.register.import_wizard import PREVIEW_PAGE, ImportWizard
from tests.core.test_importing import uscc, workbook


def test_missing_join_date_is_a_warning_in_the_rows_fate(qtbot, zh_app, db, officer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(
        tmp_path,
        [
            ["单位名称", "信用代码", "通讯地址", "邮政编码", "入会时间"],
            ["武汉宏达建设工程有限公司", uscc("MA4K00001"), "武汉市江岸区解放大道1399号", "430010", ""],
            ["武汉长江建设有限公司", uscc("MA4K00002"), "武汉市武昌区中北路1号", "430071", "2020.10.27"],
            ["武汉第三建设有限公司", uscc("MA4K00003")[:17] + "0", "武汉市武昌区中北路2号", "430071", "2020.10.27"],
        ],
    )
    wizard = ImportWizard(db, officer)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW_PAGE and wizard.plan is not None, timeout=20000)
    page = wizard.preview_page
    assert page.model.index(0, 1).data() == "新增（有提醒）"
    assert page.model.index(0, 4).data().startswith("入会日期为空")
    assert page.model.index(1, 1).data() == "新增"
    assert "其中 1 行缺少名册需要的内容" in page.summary.text()
    page.show_box.setCurrentIndex(page.show_box.findData("warned"))
    assert page.model.rowCount() == 1
    page.show_box.setCurrentIndex(page.show_box.findData("rejected"))
    page.table.setCurrentIndex(page.model.index(0, 0))
    # the whole reason under the table, the field named once (by the column's heading)
    assert page.detail.text().startswith("第 4 行（未导入）：第 4 行 B 列（信用代码）：校验码错误")
    assert "统一社会信用代码：" not in page.detail.text()
    wizard.close()
