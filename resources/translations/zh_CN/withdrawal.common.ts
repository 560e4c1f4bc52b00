<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Withdrawal</name>
    <message>
        <source>Takes effect later</source>
        <translation>待生效</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已退会</translation>
    </message>
    <message>
        <source>Confirmed, notice not yet issued</source>
        <translation>已确认，待发告知书</translation>
    </message>
    <message>
        <source>Notice issued, waiting for the response</source>
        <translation>已发告知书，待答复</translation>
    </message>
    <message>
        <source>Obligations met, closed</source>
        <translation>已履行义务，结案</translation>
    </message>
    <message>
        <source>Deemed withdrawn, waiting for the council</source>
        <translation>视为自动退会，待理事会确认</translation>
    </message>
    <message>
        <source>Membership cancelled</source>
        <translation>已取消会员资格</translation>
    </message>
    <message>
        <source>Restored on appeal</source>
        <translation>申诉成立，已恢复会籍</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Voluntary withdrawal</source>
        <translation>主动退会</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>取消资格</translation>
    </message>
    <message>
        <source>(1) Dues unpaid for more than a year</source>
        <translation>（一）一年以上不缴纳会费</translation>
    </message>
    <message>
        <source>(2) No activity attended for more than a year</source>
        <translation>（二）一年以上不参加本会活动</translation>
    </message>
    <message>
        <source>(3) No longer qualifies</source>
        <translation>（三）不再符合会员条件</translation>
    </message>
    <message>
        <source>Waiting for the council&apos;s reply</source>
        <translation>待理事会答复</translation>
    </message>
    <message>
        <source>Before the general assembly</source>
        <translation>提交会员（代表）大会审议</translation>
    </message>
    <message>
        <source>Cancellation upheld</source>
        <translation>维持取消决定</translation>
    </message>
    <message>
        <source>Membership restored</source>
        <translation>恢复会籍</translation>
    </message>
    <message>
        <source>Uphold the cancellation</source>
        <translation>维持取消会员资格的决定</translation>
    </message>
    <message>
        <source>Withdraw the cancellation and restore the membership</source>
        <translation>撤销取消决定，恢复会籍</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Visit or inspection</source>
        <translation>考察观摩</translation>
    </message>
    <message>
        <source>Exchange or forum</source>
        <translation>交流座谈</translation>
    </message>
    <message>
        <source>Award, contest or charity event</source>
        <translation>评选竞赛及公益活动</translation>
    </message>
    <message>
        <source>Other activity</source>
        <translation>其他活动</translation>
    </message>
    <message>
        <source>Listed as a dishonest judgment debtor</source>
        <translation>被列为失信被执行人</translation>
    </message>
    <message>
        <source>Deprived of political rights</source>
        <translation>被剥夺政治权利</translation>
    </message>
    <message>
        <source>Lost full civil capacity</source>
        <translation>丧失完全民事行为能力</translation>
    </message>
    <message>
        <source>Other (describe)</source>
        <translation>其他（请说明）</translation>
    </message>
    <message>
        <source>President unit</source>
        <translation>会长单位</translation>
    </message>
    <message>
        <source>Vice-president unit</source>
        <translation>副会长单位</translation>
    </message>
    <message>
        <source>Standing council unit</source>
        <translation>常务理事单位</translation>
    </message>
    <message>
        <source>Council unit</source>
        <translation>理事单位</translation>
    </message>
    <message>
        <source>Supervisor unit</source>
        <translation>监事单位</translation>
    </message>
    <message>
        <source>Other position (name it)</source>
        <translation>其他职务（请写明）</translation>
    </message>
    <message>
        <source>Remove the member&apos;s people from the mentor&apos;s WeChat group</source>
        <translation>将该单位人员移出班级微信管理群</translation>
    </message>
    <message>
        <source>Invite the member&apos;s people back to the mentor&apos;s WeChat group</source>
        <translation>重新邀请该单位人员加入班级微信管理群</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation>无需办理</translation>
    </message>
    <message>
        <source>Name, credit code or member number</source>
        <translation>单位名称、信用代码或会员编号</translation>
    </message>
    <message>
        <source>Search the register and choose a member</source>
        <translation>请在名册中搜索并选择会员</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请更正标红的栏目。</translation>
    </message>
    <message>
        <source>A scan: PDF, JPEG or PNG</source>
        <translation>扫描件：PDF、JPEG 或 PNG</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a scan</source>
        <translation>选择扫描件</translation>
    </message>
    <message>
        <source>Scans and documents (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>扫描件和文件 (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
</context>
</TS>
