<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>TableExport</name>
    <message>
        <source>Exported %1; %n row(s)</source>
        <translation>导出于 %1，共 %n 行</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出为 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The list is still being read. Export again in a moment.</source>
        <translation>列表仍在读取中，请稍后再导出。</translation>
    </message>
    <message>
        <source>Select the rows to export first.</source>
        <translation>请先选择要导出的行。</translation>
    </message>
    <message>
        <source>There are no rows to export.</source>
        <translation>没有可导出的行。</translation>
    </message>
    <message>
        <source>%n row(s) written to %1.</source>
        <translation>已将 %n 行写入 %1。</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Open its folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Export what I see to Excel…</source>
        <translation>将当前列表导出为 Excel…</translation>
    </message>
    <message>
        <source>Export the selected rows to Excel…</source>
        <translation>将所选行导出为 Excel…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
</TS>
