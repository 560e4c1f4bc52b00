<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ReviewTab</name>
    <message>
        <source>Review date:</source>
        <translation>核查日期：</translation>
    </message>
    <message>
        <source>Run the review</source>
        <translation>开始核查</translation>
    </message>
    <message>
        <source>Include members already in a case</source>
        <translation>包括已在案件中的会员</translation>
    </message>
    <message>
        <source>Record a disqualification…</source>
        <translation>登记不再符合会员条件…</translation>
    </message>
    <message>
        <source>Article 12: members that have not paid dues for more than a year, have not taken part in association activities for more than a year (counted only while they were members), or no longer qualify. Tick the candidates to confirm; a notice can be issued only for confirmed ones.</source>
        <translation>第十二条：一年以上不缴纳会费、一年以上不参加本会活动（只计算作为会员的期间）或不再符合会员条件的会员单位。勾选要确认的候选会员；只有经确认的才能发出退会告知书。</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>班主任</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>全部勾选</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>全部不选</translation>
    </message>
    <message>
        <source>Confirm ticked candidates…</source>
        <translation>确认勾选的候选…</translation>
    </message>
    <message>
        <source>Choose a date and run the review.</source>
        <translation>选择日期后开始核查。</translation>
    </message>
    <message>
        <source>Only the membership office confirms candidates and records disqualifications.</source>
        <translation>只有会籍管理部可以确认候选会员、登记不再符合会员条件的情形。</translation>
    </message>
    <message>
        <source>Reviewing the members…</source>
        <translation>正在核查会员…</translation>
    </message>
    <message>
        <source>%1 candidate(s) on %2 — (1) unpaid dues: %3, (2) no activity: %4, (3) disqualified: %5</source>
        <translation>%2 共有候选 %1 个 —— （一）欠缴会费：%3，（二）未参加活动：%4，（三）不再符合条件：%5</translation>
    </message>
    <message>
        <source>No member meets a ground of Article 12 on this date.</source>
        <translation>该日期没有会员符合第十二条所列情形。</translation>
    </message>
    <message>
        <source>Tick the candidates to confirm</source>
        <translation>请勾选要确认的候选会员</translation>
    </message>
    <message>
        <source>Confirm %1 ticked candidate(s)…</source>
        <translation>确认勾选的 %1 个候选…</translation>
    </message>
    <message>
        <source>Run the review first</source>
        <translation>请先核查</translation>
    </message>
    <message>
        <source>Nothing is ticked</source>
        <translation>没有勾选</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>…… 另有 %1 个</translation>
    </message>
    <message>
        <source>Confirm candidates</source>
        <translation>确认候选会员</translation>
    </message>
    <message>
        <source>Confirm %1 member(s) as candidates for cancellation on %2? Their grounds and evidence are recorded with each case, and their notices can then be issued.

%3</source>
        <translation>确认这 %1 个会员为 %2 取消会员资格的候选？各自的情形和证据将记入案件，随后即可发出退会告知书。

%3</translation>
    </message>
    <message>
        <source>%1 case(s) opened. Issue their notices under “Cases”.</source>
        <translation>已立案 %1 个。请在“案件”中发出退会告知书。</translation>
    </message>
    <message>
        <source>Record a disqualification</source>
        <translation>登记不再符合会员条件</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Description (for “other”)</source>
        <translation>情形说明（“其他”时填写）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <source>e.g. 中国执行信息公开网, a court judgment</source>
        <translation>如：中国执行信息公开网、人民法院判决书</translation>
    </message>
    <message>
        <source>Date of the listing or decision</source>
        <translation>列入或认定日期</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Case number, document number, what was seen</source>
        <translation>案号、文书编号、查询所见</translation>
    </message>
    <message>
        <source>Scan of the evidence</source>
        <translation>证据扫描件</translation>
    </message>
    <message>
        <source>Article 12 (3): a member that no longer qualifies. The review lists it from that date on.</source>
        <translation>第十二条第（三）项：不再符合会员条件。自该日期起，核查将列出该会员。</translation>
    </message>
</context>
</TS>
