<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MemberCasesWidget</name>
    <message>
        <source>Joined</source>
        <translation>入会</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>退会</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Membership spells</source>
        <translation>会籍期间</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>任期届满</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Add a position…</source>
        <translation>登记职务…</translation>
    </message>
    <message>
        <source>End the position…</source>
        <translation>职务终止…</translation>
    </message>
    <message>
        <source>Positions (separate from the dues level; they end with the membership)</source>
        <translation>职务（与会费级别分开；随会籍终止）</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>告知书</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Withdrawal and cancellation cases</source>
        <translation>退会和取消会员资格案件</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Lifted</source>
        <translation>解除</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <source>Lift…</source>
        <translation>解除…</translation>
    </message>
    <message>
        <source>No longer qualifies (Article 12 (3))</source>
        <translation>不再符合会员条件（第十二条第（三）项）</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Who came</source>
        <translation>参会人</translation>
    </message>
    <message>
        <source>Activities attended</source>
        <translation>参加的活动</translation>
    </message>
    <message>
        <source>Member since %1 (%2)</source>
        <translation>自 %1 起为会员（%2）</translation>
    </message>
    <message>
        <source>Not a member now: %1</source>
        <translation>目前不是会员：%1</translation>
    </message>
    <message>
        <source>Only the membership office records positions and disqualifications.</source>
        <translation>只有会籍管理部可以登记职务和不再符合会员条件的情形。</translation>
    </message>
    <message>
        <source>Not a member now</source>
        <translation>目前不是会员</translation>
    </message>
    <message>
        <source>Select a current position</source>
        <translation>请选择一项现任职务</translation>
    </message>
    <message>
        <source>Select a record in force</source>
        <translation>请选择一条有效的记录</translation>
    </message>
    <message>
        <source>Add a position</source>
        <translation>登记职务</translation>
    </message>
    <message>
        <source>Name (for “other”, or in full)</source>
        <translation>职务名称（“其他”时填写，或写全称）</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>e.g. 第七届（2024—2029）</source>
        <translation>如：第七届（2024—2029）</translation>
    </message>
    <message>
        <source>End the position</source>
        <translation>职务终止</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>终止日期</translation>
    </message>
    <message>
        <source>e.g. 换届, 辞去</source>
        <translation>如：换届、辞去</translation>
    </message>
    <message>
        <source>Record a disqualification</source>
        <translation>登记不再符合会员条件</translation>
    </message>
    <message>
        <source>Description (for “other”)</source>
        <translation>情形说明（“其他”时填写）</translation>
    </message>
    <message>
        <source>Date of the listing or decision</source>
        <translation>列入或认定日期</translation>
    </message>
    <message>
        <source>Scan of the evidence</source>
        <translation>证据扫描件</translation>
    </message>
    <message>
        <source>Lift the record</source>
        <translation>解除记录</translation>
    </message>
    <message>
        <source>No longer holds from</source>
        <translation>解除日期</translation>
    </message>
    <message>
        <source>On what evidence</source>
        <translation>解除依据</translation>
    </message>
</context>
</TS>
