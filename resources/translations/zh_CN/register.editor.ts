<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MemberEditor</name>
    <message>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Your role can view members but not change them.</source>
        <translation>您的角色只能查看会员资料，不能修改。</translation>
    </message>
    <message>
        <source>Dues</source>
        <translation>会费</translation>
    </message>
    <message>
        <source>Mailings</source>
        <translation>邮寄记录</translation>
    </message>
    <message>
        <source>Withdrawal and membership</source>
        <translation>退会与会籍</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位</translation>
    </message>
    <message>
        <source>Left empty: assigned on saving</source>
        <translation>留空则保存时自动编号</translation>
    </message>
    <message>
        <source>Changed only by the procedures in &lt;a href="withdrawal"&gt;Withdrawal&lt;/a&gt;</source>
        <translation>由&lt;a href="withdrawal"&gt;退会管理&lt;/a&gt;中的程序改变</translation>
    </message>
    <message>
        <source>Changed in &lt;a href="mentors"&gt;Mentors' work → Allocation&lt;/a&gt; (a change needs a reason there)</source>
        <translation>在 &lt;a href="mentors"&gt;班主任工作 → 班主任分配&lt;/a&gt; 中更换（须说明原因）</translation>
    </message>
    <message>
        <source>⚠ Mail to this address came back: check it with the member</source>
        <translation>⚠ 寄往此地址的邮件被退回：请与会员核实地址</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Mentor assignments</source>
        <translation>班主任分配记录</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>班主任</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>Member: %1</source>
        <translation>会员：%1</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>新建会员</translation>
    </message>
    <message>
        <source>Not a member at present.</source>
        <translation>目前不是会员。</translation>
    </message>
    <message>
        <source>Member since %1 (%2)</source>
        <translation>入会以来：%1（%2）</translation>
    </message>
    <message>
        <source>Member (joining date not recorded)</source>
        <translation>入会以来：入会日期未记录</translation>
    </message>
    <message>
        <source>No change has been recorded for this member yet.</source>
        <translation>该会员尚无变更记录。</translation>
    </message>
    <message>
        <source>now</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>资料已被他人修改</translation>
    </message>
    <message>
        <source>Reload the member as it is saved now? Your changes in this window will be discarded.</source>
        <translation>是否重新载入该会员当前保存的资料？本窗口中的修改将被放弃。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
</TS>
