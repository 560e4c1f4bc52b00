<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Guards</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>What you typed in this window has not been saved.

Close the window and discard it?</source>
        <translation>本窗口中输入的内容尚未保存。

关闭窗口并放弃这些修改吗？</translation>
    </message>
    <message>
        <source>%1?</source>
        <translation>确定%1吗？</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
</TS>
