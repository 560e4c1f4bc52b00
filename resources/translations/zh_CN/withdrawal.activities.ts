<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActivitiesTab</name>
    <message>
        <source>New activity…</source>
        <translation>新增活动…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import a sign-in sheet…</source>
        <translation>导入签到表…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
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
        <source>Organiser</source>
        <translation>主办部门</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员数</translation>
    </message>
    <message>
        <source>To match</source>
        <translation>待匹配</translation>
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
        <source>Who came</source>
        <translation>参会人</translation>
    </message>
    <message>
        <source>Recorded from</source>
        <translation>登记来源</translation>
    </message>
    <message>
        <source>Add a member…</source>
        <translation>添加会员…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Sign-in rows no member matched</source>
        <translation>未匹配到会员的签到行</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Organisation as written</source>
        <translation>表中单位名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Match to a member…</source>
        <translation>匹配会员…</translation>
    </message>
    <message>
        <source>Not a member…</source>
        <translation>不是会员…</translation>
    </message>
    <message>
        <source>Only the membership office records activities and attendance.</source>
        <translation>只有会籍管理部可以登记活动和参加情况。</translation>
    </message>
    <message>
        <source>No activity recorded yet. Enter one with “New activity…”.</source>
        <translation>尚未登记活动。请用“新增活动…”登记。</translation>
    </message>
    <message>
        <source>Select an activity.</source>
        <translation>请选择活动。</translation>
    </message>
    <message>
        <source>%1 — %2 member(s) took part</source>
        <translation>%1 —— %2 个会员参加</translation>
    </message>
    <message>
        <source>Sign-in rows no member matched: %1</source>
        <translation>未匹配到会员的签到行：%1</translation>
    </message>
    <message>
        <source>Select an activity</source>
        <translation>请选择活动</translation>
    </message>
    <message>
        <source>Nobody recorded</source>
        <translation>尚无参加记录</translation>
    </message>
    <message>
        <source>Select a row</source>
        <translation>请选择一行</translation>
    </message>
    <message>
        <source>Correct the activity</source>
        <translation>修改活动</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>新增活动</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>举办日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Delete the activity</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Delete “%1”, entered by mistake?</source>
        <translation>删除误录的活动“%1”？</translation>
    </message>
    <message>
        <source>Add a member who took part</source>
        <translation>登记参加活动的会员</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Remove the record that %1 took part?</source>
        <translation>删除“%1”参加该活动的记录？</translation>
    </message>
    <message>
        <source>Import a sign-in sheet</source>
        <translation>导入签到表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>Reading the sign-in sheet…</source>
        <translation>正在读取签到表…</translation>
    </message>
    <message>
        <source>Match the row to a member</source>
        <translation>将该行匹配到会员</translation>
    </message>
    <message>
        <source>Row %1 of %2: “%3” %4 %5</source>
        <translation>%2 第 %1 行：“%3” %4 %5</translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation>不是会员</translation>
    </message>
    <message>
        <source>Who it is</source>
        <translation>是谁</translation>
    </message>
    <message>
        <source>e.g. a guest, the supervising authority, a non-member company</source>
        <translation>如：嘉宾、主管部门、非会员单位</translation>
    </message>
</context>
</TS>
