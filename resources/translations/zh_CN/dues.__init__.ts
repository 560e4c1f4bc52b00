<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DuesView</name>
    <message>
        <source>Dues</source>
        <translation>会费</translation>
    </message>
</context>
</TS>
