<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>StatisticsTab</name>
    <message>
        <source>Export to &amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Export to &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Members by level</source>
        <translation>会员按级别</translation>
    </message>
    <message>
        <source>Members by category</source>
        <translation>会员按单位类别</translation>
    </message>
    <message>
        <source>Members by district</source>
        <translation>会员按所在区</translation>
    </message>
    <message>
        <source>Joins and leavings per year</source>
        <translation>历年入会和退会</translation>
    </message>
    <message>
        <source>Dues per year</source>
        <translation>历年会费</translation>
    </message>
    <message>
        <source>Applications by step</source>
        <translation>入会申请办理情况</translation>
    </message>
    <message>
        <source>As of %1: %2 active members.</source>
        <translation>截至 %1：正常会员 %2 个。</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>会员级别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>单位类别</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所在区</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入会</translation>
    </message>
    <message>
        <source>Withdrew</source>
        <translation>主动退会</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>取消会员资格</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净增</translation>
    </message>
    <message>
        <source>Dues year</source>
        <translation>会费年度</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>应收户数</translation>
    </message>
    <message>
        <source>Billed (yuan)</source>
        <translation>应收金额（元）</translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation>足额缴清户数</translation>
    </message>
    <message>
        <source>Collected (yuan)</source>
        <translation>已收金额（元）</translation>
    </message>
    <message>
        <source>Collection rate</source>
        <translation>收缴率</translation>
    </message>
    <message>
        <source>Dues billed and collected per year (yuan)</source>
        <translation>历年会费应收和已收（元）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>办理步骤</translation>
    </message>
    <message>
        <source>Waiting now</source>
        <translation>正在等待</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已办完</translation>
    </message>
    <message>
        <source>Average days</source>
        <translation>平均用时（天）</translation>
    </message>
    <message>
        <source>Average days per admission step</source>
        <translation>入会各步骤平均用时（天）</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Export the statistics</source>
        <translation>导出会员统计</translation>
    </message>
    <message>
        <source>The statistics were saved to %1.</source>
        <translation>会员统计已保存到 %1。</translation>
    </message>
    <message>
        <source>Writing the statistics…</source>
        <translation>正在生成统计…</translation>
    </message>
</context>
</TS>
