<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>WithdrawalView</name>
    <message>
        <source>Review</source>
        <translation>核查</translation>
    </message>
    <message>
        <source>Cases (%1 open)</source>
        <translation>案件（%1 个未结）</translation>
    </message>
    <message>
        <source>Appeals (%1)</source>
        <translation>申诉（%1）</translation>
    </message>
    <message>
        <source>Activities (%1 rows to match)</source>
        <translation>活动（%1 行待匹配）</translation>
    </message>
    <message>
        <source>Tasks (%1)</source>
        <translation>待办（%1）</translation>
    </message>
</context>
</TS>
