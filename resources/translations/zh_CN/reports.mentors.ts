<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MentorReportTab</name>
    <message>
        <source>Half year:</source>
        <translation>考核期：</translation>
    </message>
    <message>
        <source>Change the proposal…</source>
        <translation>修改奖惩建议…</translation>
    </message>
    <message>
        <source>Export to &amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Export to &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>班主任</translation>
    </message>
    <message>
        <source> (disabled)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>Members served</source>
        <translation>服务会员</translation>
    </message>
    <message>
        <source>Contact entries</source>
        <translation>联系次数</translation>
    </message>
    <message>
        <source>Members contacted</source>
        <translation>已联系会员</translation>
    </message>
    <message>
        <source>No contact</source>
        <translation>未联系会员</translation>
    </message>
    <message>
        <source>WeChat group</source>
        <translation>微信群覆盖</translation>
    </message>
    <message>
        <source>Handover forms applied/filed</source>
        <translation>交接单 办结/填报</translation>
    </message>
    <message>
        <source>Days to apply</source>
        <translation>平均办结天数</translation>
    </message>
    <message>
        <source>Dues billed</source>
        <translation>应收 户数/金额</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>已收 户数/金额</translation>
    </message>
    <message>
        <source>Collection rate</source>
        <translation>收缴率</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>欠费 户数/金额</translation>
    </message>
    <message>
        <source>Outstanding liaisons</source>
        <translation>优秀通联员 获评/推荐</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>按分数建议</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>奖惩建议</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>修改人、时间和理由</translation>
    </message>
    <message>
        <source>%1 first half</source>
        <translation>%1年上半年</translation>
    </message>
    <message>
        <source>%1 second half</source>
        <translation>%1年下半年</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不奖不罚</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>处罚</translation>
    </message>
    <message>
        <source> (the half year is still running)</source>
        <translation>（本期尚未结束）</translation>
    </message>
    <message>
        <source>%1, from %2 to %3, counted up to %4%5. %6 mentors ranked.</source>
        <translation>%1（%2 至 %3），统计截至 %4%5。共 %6 位班主任参加排名。</translation>
    </message>
    <message>
        <source>Contacted, WeChat group coverage and dues collected, per mentor</source>
        <translation>各班主任的已联系会员比例、微信群覆盖率和会费收缴率</translation>
    </message>
    <message>
        <source>Change the proposal</source>
        <translation>修改奖惩建议</translation>
    </message>
    <message>
        <source>Choose a mentor with a score in the list first.</source>
        <translation>请先在列表中选择一位有得分的班主任。</translation>
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
        <source>Export the mentor report</source>
        <translation>导出班主任考核报告</translation>
    </message>
    <message>
        <source>The report (%1 mentors) was saved to %2.</source>
        <translation>考核报告（%1 位班主任）已保存到 %2。</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <source>Reward/penalty proposal – %1</source>
        <translation>奖惩建议 – %1</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation>得分：</translation>
    </message>
    <message>
        <source>Suggested by the thresholds:</source>
        <translation>按分数建议：</translation>
    </message>
    <message>
        <source>Proposal:</source>
        <translation>奖惩建议：</translation>
    </message>
    <message>
        <source>Required when the proposal differs from the suggestion</source>
        <translation>与按分数的建议不同时必须填写理由</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
</context>
</TS>
