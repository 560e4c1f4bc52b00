<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ReportsView</name>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Half-yearly mentor report</source>
        <translation>班主任半年考核</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>会员统计</translation>
    </message>
</context>
</TS>
