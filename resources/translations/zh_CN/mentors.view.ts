<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MentorsView</name>
    <message>
        <source>Allocation</source>
        <translation>班主任分配</translation>
    </message>
    <message>
        <source>My members</source>
        <translation>我的会员</translation>
    </message>
    <message>
        <source>Mentors&apos; work</source>
        <translation>各班主任的会员</translation>
    </message>
    <message>
        <source>Handover forms</source>
        <translation>交接通知单</translation>
    </message>
    <message>
        <source>Circulation and publicity</source>
        <translation>文件传达和宣传</translation>
    </message>
    <message>
        <source>Outstanding liaisons</source>
        <translation>优秀通联员</translation>
    </message>
</context>
</TS>
