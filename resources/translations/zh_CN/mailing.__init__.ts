<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MailingView</name>
    <message>
        <source>Mailing</source>
        <translation>邮寄管理</translation>
    </message>
</context>
</TS>
