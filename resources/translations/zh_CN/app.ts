<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountActions</name>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有改动任何内容。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Creating the demo database…</source>
        <translation>正在创建演示数据库…</translation>
    </message>
    <message>
        <source>Taking today's backup of the database…</source>
        <translation>正在进行今天的数据库备份…</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Demo database. Accounts: admin (administrator), officer (membership officer), mentor01 (mentor), leader (resident leader); password %1 for all.</source>
        <translation>演示数据库。账户：admin（系统管理员）、officer（会籍管理员）、mentor01（班主任）、leader（驻会领导），密码均为 %1。</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>The database %1 could not be opened:
%2</source>
        <translation>无法打开数据库 %1：
%2</translation>
    </message>
</context>
</TS>
