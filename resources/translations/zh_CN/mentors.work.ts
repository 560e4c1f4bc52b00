<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MentorWorkView</name>
    <message>
        <source>Mentor</source>
        <translation>班主任</translation>
    </message>
    <message>
        <source>Search these members  (Ctrl+F)</source>
        <translation>在这些会员中搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位名称</translation>
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
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>%1 (%2 overdue)</source>
        <translation>%1（逾期 %2）</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>交接单</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>WeChat group</source>
        <translation>班级微信群</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Handover forms</source>
        <translation>交接通知单</translation>
    </message>
    <message>
        <source>Outstanding liaison</source>
        <translation>优秀通联员</translation>
    </message>
    <message>
        <source>Mentors</source>
        <translation>历任班主任</translation>
    </message>
    <message>
        <source>(not on file)</source>
        <translation>（未登记）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>入群状态</translation>
    </message>
    <message>
        <source> (invited: %1)</source>
        <translation>（邀请的是：%1）</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>已邀请</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>已入群</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已退群</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Invited…</source>
        <translation>已邀请…</translation>
    </message>
    <message>
        <source>Joined…</source>
        <translation>已入群…</translation>
    </message>
    <message>
        <source>Left…</source>
        <translation>已退群…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>With</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>What was learnt</source>
        <translation>了解到的情况</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>困难或需求</translation>
    </message>
    <message>
        <source>Due / done</source>
        <translation>期限／办结</translation>
    </message>
    <message>
        <source>done %1</source>
        <translation>%1 办结</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Log a contact…  (Ctrl+L)</source>
        <translation>记录一次联系…（Ctrl+L）</translation>
    </message>
    <message>
        <source>Follow-up done…</source>
        <translation>跟进办结…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>变更事项</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>会员报告日期</translation>
    </message>
    <message>
        <source>Form date</source>
        <translation>填表日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>：%1</translation>
    </message>
    <message>
        <source>File a handover form…</source>
        <translation>填报交接通知单…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>评选期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>推荐理由</translation>
    </message>
    <message>
        <source>Nominated</source>
        <translation>推荐日期</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Nominate the liaison…</source>
        <translation>推荐联络员为优秀通联员…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>止</translation>
    </message>
    <message>
        <source>now</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>Assigned by</source>
        <translation>分配人</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>分配原因</translation>
    </message>
    <message>
        <source>Why it ended</source>
        <translation>结束原因</translation>
    </message>
    <message>
        <source>%1 (%2 members)</source>
        <translation>%1（%2 个会员）</translation>
    </message>
    <message>
        <source>Overdue follow-ups (%1)</source>
        <translation>逾期跟进（%1）</translation>
    </message>
    <message>
        <source>No contact for %1 days (%2)</source>
        <translation>超过 %1 天未联系（%2）</translation>
    </message>
    <message>
        <source>Not in the WeChat group (%1)</source>
        <translation>未入微信群（%1）</translation>
    </message>
    <message>
        <source>Members (%1)</source>
        <translation>会员（%1）</translation>
    </message>
    <message>
        <source>No member matches this search.</source>
        <translation>没有符合搜索条件的会员。</translation>
    </message>
    <message>
        <source>No member is assigned to this mentor yet.</source>
        <translation>该班主任还没有负责的会员。</translation>
    </message>
    <message>
        <source>No member chosen.</source>
        <translation>未选择会员。</translation>
    </message>
    <message>
        <source>%1 (%2) — liaison %3 %4</source>
        <translation>%1（%2）——联络员 %3 %4</translation>
    </message>
</context>
</TS>
