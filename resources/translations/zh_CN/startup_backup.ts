<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>StartupBackup</name>
    <message>
        <source>Daily backup failed</source>
        <translation>每日备份失败</translation>
    </message>
    <message>
        <source>Today&apos;s backup of the database could not be made:
%1

The program works as usual, but please tell the administrator.</source>
        <translation>今天的数据库备份未能完成：
%1

程序可以照常使用，但请告知系统管理员。</translation>
    </message>
</context>
</TS>
