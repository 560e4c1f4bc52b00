<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MemberPicker</name>
    <message>
        <source>Name, credit code or member number</source>
        <translation>单位名称、信用代码或会员编号</translation>
    </message>
</context>
</TS>
