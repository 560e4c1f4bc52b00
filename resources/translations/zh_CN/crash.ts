<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Crash</name>
    <message>
        <source>The action was not completed</source>
        <translation>操作未完成</translation>
    </message>
    <message>
        <source>Something went wrong and the action in progress was not completed.

The data already saved is safe: only the unfinished action was not saved.

A report was written to:
%1

Please send this file, or the details below (Copy), to whoever looks after this program.</source>
        <translation>程序出现意外错误，刚才正在进行的操作没有完成。

已经保存的数据是安全的，只是这次未完成的操作没有保存。

错误报告已写入：
%1

请把这个文件，或下面的详细信息（点“复制”），发给负责维护本程序的人员。</translation>
    </message>
    <message>
        <source>Something went wrong and the action in progress was not completed.

The data already saved is safe: only the unfinished action was not saved.

The report could not be written to %1 (%2).

Please copy the details below (Copy) and send them to whoever looks after this program.</source>
        <translation>程序出现意外错误，刚才正在进行的操作没有完成。

已经保存的数据是安全的，只是这次未完成的操作没有保存。

错误报告未能写入 %1（%2）。

请复制下面的详细信息（点“复制”），发给负责维护本程序的人员。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>程序出错</translation>
    </message>
</context>
</TS>
