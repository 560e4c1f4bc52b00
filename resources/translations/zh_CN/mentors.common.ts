<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Mentors</name>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Meeting or event</source>
        <translation>会议活动</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <source>Liaison</source>
        <translation>联络员</translation>
    </message>
    <message>
        <source>Not invited</source>
        <translation>未邀请</translation>
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
        <source>Pending</source>
        <translation>待办理</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>已变更</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Waiting for decision</source>
        <translation>待决定</translation>
    </message>
    <message>
        <source>Outstanding liaison</source>
        <translation>优秀通联员</translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation>未评选</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已刊发</translation>
    </message>
    <message>
        <source>Not used</source>
        <translation>未采用</translation>
    </message>
    <message>
        <source>Association document</source>
        <translation>协会文件</translation>
    </message>
    <message>
        <source>Association news</source>
        <translation>协会新闻</translation>
    </message>
    <message>
        <source>Mentor&apos;s WeChat group</source>
        <translation>班级微信群</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>邮寄</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>当面送达</translation>
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
        <source>Year %1</source>
        <translation>%1年全年</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
</TS>
