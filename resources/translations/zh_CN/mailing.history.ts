<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MailingHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>邮寄批次</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Addressed to</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>Proof</source>
        <translation>留证</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>照片 %n 张</numerusform>
        </translation>
    </message>
    <message>
        <source>liaison told %1</source>
        <translation>%1 已告知联络员</translation>
    </message>
</context>
<context>
    <name>MailingHistoryTable</name>
    <message>
        <source>Nothing was mailed to this member yet.</source>
        <translation>还没有给该会员邮寄过。</translation>
    </message>
</context>
</TS>
