<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CirculationView</name>
    <message>
        <source>Documents and news sent to members</source>
        <translation>传达给会员的协会文件和新闻</translation>
    </message>
    <message>
        <source>Whose members a new circulation goes to</source>
        <translation>新的传达记录发给哪位班主任的会员</translation>
    </message>
    <message>
        <source>Record a circulation…</source>
        <translation>登记文件传达…</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>传达日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员数</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Member news submitted for publicity</source>
        <translation>报送协会宣传的会员新闻</translation>
    </message>
    <message>
        <source>Submit member news…</source>
        <translation>报送会员新闻…</translation>
    </message>
    <message>
        <source>Record the outcome…</source>
        <translation>登记结果…</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员单位</translation>
    </message>
    <message>
        <source>By</source>
        <translation>报送人</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Nothing circulated yet.</source>
        <translation>还没有传达记录。</translation>
    </message>
    <message>
        <source>No member news submitted yet.</source>
        <translation>还没有报送的会员新闻。</translation>
    </message>
    <message>
        <source>Members of %1 (%2)</source>
        <translation>%1 的会员（%2 个）</translation>
    </message>
    <message>
        <source>Sent to: %1</source>
        <translation>传达给：%1</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> 等，另有 %1 个</translation>
    </message>
</context>
</TS>
