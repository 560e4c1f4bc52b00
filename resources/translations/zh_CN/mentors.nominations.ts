<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>NominationsView</name>
    <message>
        <source>Period</source>
        <translation>评选期</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>全部评选期</translation>
    </message>
    <message>
        <source>Nominate a liaison…</source>
        <translation>推荐联络员…</translation>
    </message>
    <message>
        <source>Outstanding liaison…</source>
        <translation>评为优秀通联员…</translation>
    </message>
    <message>
        <source>Not selected…</source>
        <translation>不予评选…</translation>
    </message>
    <message>
        <source>Export the list to Excel…</source>
        <translation>导出名单到 Excel…</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员单位</translation>
    </message>
    <message>
        <source>Liaison</source>
        <translation>联络员</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>推荐班主任</translation>
    </message>
    <message>
        <source>Nominated</source>
        <translation>推荐日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>推荐理由</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1 nomination(s), %2 outstanding liaison(s)</source>
        <translation>共推荐 %1 人，评为优秀通联员 %2 人</translation>
    </message>
    <message>
        <source>No nomination for this period.</source>
        <translation>该评选期没有推荐。</translation>
    </message>
    <message>
        <source>Outstanding liaisons %1.xlsx</source>
        <translation>优秀通联员推荐名单 %1.xlsx</translation>
    </message>
    <message>
        <source>Export the list to Excel</source>
        <translation>导出名单到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 nomination(s) written to %2</source>
        <translation>已把 %1 条推荐写入 %2</translation>
    </message>
</context>
</TS>
